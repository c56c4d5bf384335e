using Appliance.Data.Auditing;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.Certificates;

/// <summary>
/// Certificates: uploaded ones and those the ACME worker obtains. Every change goes through the
/// configuration's write path (one transaction, an audit entry, a new revision), so the data plane
/// picks certificates up exactly as it picks up routes. Private keys are stored encrypted and
/// never leave this class except to be served.
/// </summary>
public sealed partial class CertificateStore(
    IDbContextFactory<ApplianceDbContext> contexts,
    ConfigStore configStore,
    CertificateKeyProtector keys,
    AcmeWorkSignal acmeWork,
    TimeProvider time,
    ILogger<CertificateStore> logger)
{
    private const string EntityType = "certificate";

    /// <summary>The actor the audit trail names for the appliance's own certificate work.</summary>
    public const string AcmeActor = "acme";

    /// <summary>Every certificate, by name.</summary>
    public async Task<IReadOnlyList<CertificateInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var certificates = await db.Certificates.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var routes = await CertificateUsers.ReadAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        return certificates.Select(c => CertificateRows.ToInfo(c, now, CertificateUsers.NamesOf(c.Name, routes))).ToArray();
    }

    /// <summary>One certificate, or null.</summary>
    public async Task<CertificateInfo?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
        return certificate is null
            ? null
            : CertificateRows.ToInfo(certificate, time.GetUtcNow(), CertificateUsers.NamesOf(name, await CertificateUsers.ReadAsync(db, cancellationToken)));
    }

    /// <summary>Stores an uploaded certificate after checking that it parses, that the key matches and that it has not expired.</summary>
    public Task<StoreResult<CertificateInfo>> UploadAsync(CertificateUpload upload, string actor, CancellationToken cancellationToken = default)
    {
        var name = upload.Name?.Trim() ?? "";
        var errors = new ValidationErrors();
        ValidateName(name, errors);
        var imported = CertificateImporter.Import(upload, time.GetUtcNow(), errors);
        if (!errors.IsEmpty)
        {
            return Task.FromResult(StoreResult<CertificateInfo>.Invalid(errors));
        }

        return configStore.WriteAsync(async db =>
        {
            // An uploaded one can be replaced in place, and the refusal says how; an ACME one renews itself.
            var taken = await db.Certificates.Where(c => c.Name == name).Select(c => (CertificateSource?)c.Source).FirstOrDefaultAsync(cancellationToken);
            if (taken is not null)
            {
                return taken == CertificateSource.Uploaded
                    ? StoreResult<CertificateInfo>.NameTaken("A certificate", name, insteadHint: $"replace it with PUT /api/v1/certificates/{name} (Replace on the Certificates page).")
                    : StoreResult<CertificateInfo>.NameTaken("A certificate", name);
            }

            var entity = new CertificateEntity { Name = name, Source = CertificateSource.Uploaded, CreatedAt = time.GetUtcNow() };
            CertificateRows.Apply(imported!, entity, keys);
            db.Certificates.Add(entity);
            var info = CertificateRows.ToInfo(entity, time.GetUtcNow());
            AuditTrail.Add(db, time, actor, AuditAction.Create, EntityType, name, before: null, after: info);
            return StoreResult<CertificateInfo>.Ok(info);
        }, cancellationToken);
    }

    /// <summary>Asks for an ACME certificate; the ACME worker obtains it in the background and records how that went.</summary>
    public async Task<StoreResult<CertificateInfo>> RequestAcmeAsync(AcmeCertificateRequest request, string actor, CancellationToken cancellationToken = default)
    {
        var name = request.Name?.Trim() ?? "";
        var hostnames = request.Hostnames?.Select(h => h?.Trim().ToLowerInvariant() ?? "").ToArray();
        var errors = new ValidationErrors();
        ValidateName(name, errors);
        AcmeHostnames.Validate(hostnames, errors);
        if (!errors.IsEmpty)
        {
            return StoreResult<CertificateInfo>.Invalid(errors);
        }

        var result = await configStore.WriteAsync(async db =>
        {
            if (await db.Certificates.AnyAsync(c => c.Name == name, cancellationToken))
            {
                return StoreResult<CertificateInfo>.NameTaken("A certificate", name);
            }

            var entity = NewAcmeEntity(name, hostnames!);
            db.Certificates.Add(entity);
            var info = CertificateRows.ToInfo(entity, time.GetUtcNow());
            AuditTrail.Add(db, time, actor, AuditAction.Create, EntityType, name, before: null, after: info);
            return StoreResult<CertificateInfo>.Ok(info);
        }, cancellationToken);
        acmeWork.Notify();
        return result;
    }

    /// <summary>Makes an ACME certificate due now; uploaded ones are renewed by uploading.</summary>
    public async Task<StoreResult<CertificateInfo>> RenewNowAsync(string name, string actor, CancellationToken cancellationToken = default)
    {
        var result = await configStore.WriteAsync(async db =>
        {
            var entity = await db.Certificates.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<CertificateInfo>.NotFound($"There is no certificate named '{name}'.");
            }

            if (entity.Source != CertificateSource.Acme)
            {
                return StoreResult<CertificateInfo>.Conflict("name", $"'{name}' was uploaded: renew it by replacing it with its successor (PUT /api/v1/certificates/{name}).");
            }

            var before = CertificateRows.ToInfo(entity, time.GetUtcNow());
            entity.NextAttemptAt = time.GetUtcNow();
            entity.FailureCount = 0;
            var info = CertificateRows.ToInfo(entity, time.GetUtcNow());
            AuditTrail.Add(db, time, actor, AuditAction.Update, EntityType, name, before, info);
            return StoreResult<CertificateInfo>.Ok(info);
        }, cancellationToken);
        acmeWork.Notify();
        return result;
    }

    /// <summary>Deletes a certificate unless a route names it or manages it (tls: auto).</summary>
    public Task<StoreResult<CertificateInfo>> DeleteAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        configStore.WriteAsync(async db =>
        {
            var entity = await db.Certificates.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<CertificateInfo>.NotFound($"There is no certificate named '{name}'.");
            }

            var users = CertificateUsers.NamesOf(name, await CertificateUsers.ReadAsync(db, cancellationToken));
            if (users.Count > 0)
            {
                return StoreResult<CertificateInfo>.Conflict("name",
                    $"Certificate '{name}' is used by route {string.Join(", ", users.Select(u => $"'{u}'"))}; change the route's tls first, or replace the certificate instead.");
            }

            var before = CertificateRows.ToInfo(entity, time.GetUtcNow());
            db.Certificates.Remove(entity);
            AuditTrail.Add(db, time, actor, AuditAction.Delete, EntityType, name, before, after: null);
            return StoreResult<CertificateInfo>.Ok(before);
        }, cancellationToken);

    /// <summary>Every certificate that can be served now, with its key decrypted: for the data plane's SNI selection only.</summary>
    public async Task<IReadOnlyList<ServableCertificate>> GetServableAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => c.ChainPem != null && c.ProtectedKey != null)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var servable = new List<ServableCertificate>(certificates.Count);
        foreach (var certificate in certificates.Where(c => c.NotAfter > now))
        {
            try
            {
                servable.Add(new ServableCertificate(certificate.Name, certificate.Hostnames, certificate.ChainPem!, keys.Unprotect(certificate.ProtectedKey!), certificate.NotAfter!.Value));
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                // A key the key ring cannot open (a restored database without its data/keys) must not
                // stop every other certificate, or the rest of the configuration, from loading.
                LogUnreadableKey(certificate.Name, ex.Message);
            }
        }

        return servable;
    }

    /// <summary>ACME certificates whose issuance or renewal is due at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<AcmeWorkItem>> GetDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var acme = await db.Certificates.AsNoTracking().Where(c => c.Source == CertificateSource.Acme).ToListAsync(cancellationToken);
        return acme.Where(c => c.NextAttemptAt is { } due && due <= now)
            .OrderBy(c => c.NextAttemptAt)
            .Select(c => new AcmeWorkItem(c.Name, c.Hostnames, c.FailureCount, c.ChainPem is not null))
            .ToArray();
    }

    /// <summary>When the next ACME attempt is due, or null when none is planned.</summary>
    public async Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Certificates.AsNoTracking().Where(c => c.Source == CertificateSource.Acme && c.NextAttemptAt != null)
            .Select(c => c.NextAttemptAt).ToListAsync(cancellationToken);
        return due.Min();
    }

    /// <summary>Records a chain the ACME server issued; it replaces the previous one in the same transaction, so there is never a gap.</summary>
    public Task<StoreResult<CertificateInfo>> RecordIssuedAsync(string name, string chainPem, string keyPem, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var imported = CertificateImporter.FromPem(chainPem, keyPem, errors);
        if (imported is null)
        {
            return RecordFailureAsync(name, "The ACME server's certificate could not be read: " + string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)), cancellationToken);
        }

        return configStore.WriteAsync(async db =>
        {
            var entity = await db.Certificates.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<CertificateInfo>.NotFound($"Certificate '{name}' was deleted while it was being issued.");
            }

            var before = CertificateRows.ToInfo(entity, time.GetUtcNow());
            CertificateRows.Apply(imported, entity, keys);
            entity.FailureCount = 0;
            entity.LastError = null;
            entity.NextAttemptAt = CertificateRenewalPolicy.RenewAt(imported.NotBefore, imported.NotAfter);
            var info = CertificateRows.ToInfo(entity, time.GetUtcNow());
            AuditTrail.Add(db, time, AcmeActor, AuditAction.Issue, EntityType, name, before, info);
            return StoreResult<CertificateInfo>.Ok(info);
        }, cancellationToken);
    }

    /// <summary>Records a failed ACME attempt and when to try again; a certificate issued earlier keeps being served while valid.</summary>
    public Task<StoreResult<CertificateInfo>> RecordFailureAsync(string name, string error, CancellationToken cancellationToken = default) =>
        configStore.WriteAsync(async db =>
        {
            var entity = await db.Certificates.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<CertificateInfo>.NotFound($"Certificate '{name}' was deleted while it was being issued.");
            }

            var before = CertificateRows.ToInfo(entity, time.GetUtcNow());
            entity.Status = CertificateStatus.Failed;
            entity.FailureCount++;
            entity.LastError = error.Length > 4000 ? error[..4000] : error;
            entity.NextAttemptAt = time.GetUtcNow() + CertificateRenewalPolicy.RetryAfter(entity.FailureCount);
            var info = CertificateRows.ToInfo(entity, time.GetUtcNow());
            AuditTrail.Add(db, time, AcmeActor, AuditAction.Fail, EntityType, name, before, info);
            return StoreResult<CertificateInfo>.Ok(info);
        }, cancellationToken);

    /// <summary>
    /// Makes sure the certificate a route with <c>tls: "auto"</c> needs exists for exactly its hosts;
    /// a changed host list asks for a new certificate, and the old one is served until it arrives.
    /// </summary>
    public async Task EnsureAutomaticAsync(string routeName, IReadOnlyList<string> hosts, CancellationToken cancellationToken = default)
    {
        var name = TlsModes.AutoCertificateName(routeName);
        var hostnames = hosts.Select(h => h.Split(':')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var changed = await configStore.WriteAsync(async db =>
        {
            var entity = await db.Certificates.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
            if (entity is not null && entity.Hostnames.Order(StringComparer.Ordinal).SequenceEqual(hostnames))
            {
                // Already right: a result that is not Ok writes nothing and bumps no revision.
                return StoreResult<bool>.NotFound("The automatic certificate already covers these hosts.");
            }

            var before = entity is null ? null : CertificateRows.ToInfo(entity, time.GetUtcNow());
            if (entity is null)
            {
                entity = NewAcmeEntity(name, hostnames);
                db.Certificates.Add(entity);
            }
            else
            {
                entity.Hostnames = [.. hostnames];
                entity.NextAttemptAt = time.GetUtcNow();
                entity.FailureCount = 0;
            }

            AuditTrail.Add(db, time, "route:" + routeName, before is null ? AuditAction.Create : AuditAction.Update, EntityType, name, before, CertificateRows.ToInfo(entity, time.GetUtcNow()));
            return StoreResult<bool>.Ok(true);
        }, cancellationToken);

        if (changed.Succeeded)
        {
            acmeWork.Notify();
        }
    }

    private CertificateEntity NewAcmeEntity(string name, IReadOnlyList<string> hostnames) => new()
    {
        Name = name,
        Hostnames = [.. hostnames],
        Source = CertificateSource.Acme,
        Status = CertificateStatus.Pending,
        CreatedAt = time.GetUtcNow(),
        NextAttemptAt = time.GetUtcNow(),
    };

    private static void ValidateName(string name, ValidationErrors errors)
    {
        if (!Slug.IsValid(name))
        {
            errors.Add("name", "Use 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit.");
        }
        else if (name is TlsModes.Off or TlsModes.Auto)
        {
            errors.Add("name", $"'{name}' is reserved: routes use it as a tls mode.");
        }
        else if (name.StartsWith(TlsModes.AutoCertificatePrefix, StringComparison.Ordinal))
        {
            errors.Add("name", $"Names starting with '{TlsModes.AutoCertificatePrefix}' are kept for the certificates of routes with tls \"auto\".");
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "The private key of certificate {Name} cannot be decrypted ({Reason}); it is not served. Was the database restored without data/keys?")]
    private partial void LogUnreadableKey(string name, string reason);
}
