using Appliance.Data.Auditing;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Certificates;

/// <summary>
/// Replaces an uploaded certificate in place: the way to rotate one that routes use, which cannot be
/// deleted. The successor is checked whole before anything is written (it parses, the key is its
/// own, it has not expired, and it still covers every host its routes serve that the old one
/// covered); then chain and key change in one transaction of the configuration's write path, so the
/// new revision, and with it the next TLS handshake on every node, serves the new certificate, and
/// a refused replacement leaves the old one serving.
/// </summary>
public sealed class CertificateReplacer(ConfigStore configStore, CertificateKeyProtector keys, TimeProvider time)
{
    private const string EntityType = "certificate";

    /// <summary>
    /// Replaces certificate <paramref name="name"/> with <paramref name="upload"/> (a PEM chain and key,
    /// or a PFX): 404 when there is none, 409 for an ACME certificate (the appliance renews those
    /// itself), 400 with field messages when the successor cannot serve what the old one serves.
    /// </summary>
    public Task<StoreResult<CertificateInfo>> ReplaceAsync(string name, CertificateUpload upload, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        if (!string.IsNullOrWhiteSpace(upload.Name) && upload.Name.Trim() != name)
        {
            errors.Add("name", $"The name cannot be changed (the URL names '{name}'); upload a new certificate instead.");
        }

        // Parsed and checked before the write lock: a PFX's key derivation is slow, and a bad file must not hold up other writers.
        var imported = CertificateImporter.Import(upload, time.GetUtcNow(), errors);
        if (!errors.IsEmpty)
        {
            return Task.FromResult(StoreResult<CertificateInfo>.Invalid(errors));
        }

        return configStore.WriteAsync(db => ReplaceAsync(db, name, imported!, FieldOf(upload), actor, cancellationToken), cancellationToken);
    }

    private async Task<StoreResult<CertificateInfo>> ReplaceAsync(
        ApplianceDbContext db, string name, ImportedCertificate imported, string field, string actor, CancellationToken cancellationToken)
    {
        var entity = await db.Certificates.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (entity is null)
        {
            return StoreResult<CertificateInfo>.NotFound($"There is no certificate named '{name}'.");
        }

        if (entity.Source == CertificateSource.Acme)
        {
            // Turning it into an upload would leave the ACME worker renewing over it, or a route with
            // tls "auto" managing a certificate nobody renews: neither is what the operator asked for.
            return StoreResult<CertificateInfo>.Conflict("name",
                $"'{name}' is obtained from ACME and renewed by the appliance: renew it now instead, or upload your certificate under another name and point the routes at it.");
        }

        // Read in this transaction: a route saved a moment ago counts.
        var users = CertificateUsers.Of(name, await CertificateUsers.ReadAsync(db, cancellationToken));
        var lost = CertificateCoverage.Lost(entity.Hostnames, imported.Hostnames, users);
        if (lost.Count > 0)
        {
            var errors = new ValidationErrors();
            errors.Add(field, $"The new certificate does not cover {string.Join(", ", lost.Select(l => $"{l.Host} (route '{l.Route}')"))}, "
                + $"which '{name}' serves today; it is for {Names(imported.Hostnames)}. Nothing was replaced.");
            return StoreResult<CertificateInfo>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var usedBy = users.Select(u => u.Route).ToArray();
        var before = CertificateRows.ToInfo(entity, now, usedBy);
        CertificateRows.Apply(imported, entity, keys);
        entity.LastError = null;
        entity.FailureCount = 0;
        var after = CertificateRows.ToInfo(entity, now, usedBy);

        // Before and after name both thumbprints and expiry dates; neither carries a key.
        AuditTrail.Add(db, time, actor, AuditAction.Replace, EntityType, name, before, after);
        return StoreResult<CertificateInfo>.Ok(after);
    }

    // The field a message about the successor belongs to: the one the operator filled in.
    private static string FieldOf(CertificateUpload upload) => string.IsNullOrWhiteSpace(upload.Pfx) ? "pem" : "pfx";

    private static string Names(IReadOnlyList<string> hostnames) => hostnames.Count == 0 ? "no host name" : string.Join(", ", hostnames);
}
