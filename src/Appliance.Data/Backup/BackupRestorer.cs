using Appliance.Data.Auditing;
using Appliance.Data.Certificates;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.TwoFactor;
using Appliance.Data.Users;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Backup;

/// <summary>
/// Restores a backup, all or nothing, in the configuration's one write transaction: users, their
/// two-factor enrolments and recovery codes, API tokens, the sign-in policy, certificates and ACME
/// accounts are replaced by the backup's (secrets re-encrypted under this node's key ring), then the
/// configuration document goes through the one write path as a new revision audited as a restore.
/// A refusal anywhere (a wrong passphrase, a damaged file, a configuration today's rules refuse)
/// commits nothing. Every user gets a new security stamp, so every admin-site session ends.
/// </summary>
public sealed class BackupRestorer(
    ConfigStore store,
    CertificateKeyProtector keys,
    TwoFactorSecretProtector secrets,
    SessionCheckCache sessionChecks,
    SetupCode setupCode,
    TimeProvider time)
{
    /// <summary>The field a refused file is reported on.</summary>
    public const string FileField = "file";

    /// <summary>The query member (and form confirmation) that lets a restore replace what the appliance holds.</summary>
    public const string ReplaceField = "replace";

    /// <summary>
    /// 400 for a short passphrase, a file that does not open, or a configuration today's validation
    /// refuses; 409 when the appliance holds anything a restore would replace and <paramref name="replace"/>
    /// is false; 403 when a signed-in <paramref name="editor"/> is no longer an Admin.
    /// </summary>
    public async Task<StoreResult<BackupSummary>> RestoreAsync(byte[] file, string? passphrase, bool replace, Editor editor, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        BackupPassphrase.Validate(passphrase, errors);
        if (!errors.IsEmpty)
        {
            return StoreResult<BackupSummary>.Invalid(errors) with { Detail = errors.ToDictionary().Values.First()[0] };
        }

        BackupPayload payload;
        try
        {
            payload = BackupJson.Deserialize(BackupContainer.Open(file, passphrase!));
        }
        catch (BackupUnreadableException ex)
        {
            errors.Add(FileField, ex.Message);
            return StoreResult<BackupSummary>.Invalid(errors) with { Detail = ex.Message };
        }

        var result = await store.WriteAsync(db => ApplyAsync(db, payload, replace, editor, cancellationToken), cancellationToken);
        if (result.Succeeded)
        {
            // Every stamp was replaced: no remembered session check may outlive that on this node.
            sessionChecks.Invalidate();

            // On a fresh appliance the first run ends here: the backup's Admins sign in, no setup code is needed.
            if (payload.Users.Any(u => u.Role == ApplianceRoles.Admin))
            {
                setupCode.Withdraw();
            }
        }

        return result;
    }

    private async Task<StoreResult<BackupSummary>> ApplyAsync(ApplianceDbContext db, BackupPayload payload, bool replace, Editor editor, CancellationToken cancellationToken)
    {
        if (!await editor.MayChangeAsync(db, cancellationToken))
        {
            return StoreResult<BackupSummary>.Forbidden(Editor.Refusal);
        }

        if (!replace && await HeldAsync(db, editor, cancellationToken) is { Count: > 0 } held)
        {
            return StoreResult<BackupSummary>.Conflict(ReplaceField,
                $"This appliance already holds {string.Join(", ", held)}; a restore replaces all of it with the backup's. Confirm with replace=true to go ahead.");
        }

        var summary = BackupSummary.Of(payload);
        var name = $"backup of {payload.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";

        // Children first: SQLite and PostgreSQL both cascade, but saying so does not depend on the pragma.
        await db.RecoveryCodes.ExecuteDeleteAsync(cancellationToken);
        await db.TwoFactorEnrolments.ExecuteDeleteAsync(cancellationToken);
        await db.Users.ExecuteDeleteAsync(cancellationToken);
        await db.SignInPolicy.ExecuteDeleteAsync(cancellationToken);
        await db.ApiTokens.ExecuteDeleteAsync(cancellationToken);
        await db.AcmeAccounts.ExecuteDeleteAsync(cancellationToken);
        // Routes name certificates without a foreign key; the document written below names only the backup's.
        await db.Certificates.ExecuteDeleteAsync(cancellationToken);

        var users = AddUsers(db, payload);
        AddRest(db, payload);
        // Before the document: the write path checks the routes' certificates against the saved rows.
        // This entry is saved now so that the configuration's own restore entry is the revision's summary.
        AuditTrail.Add(db, time, editor.Name, AuditAction.Restore, BackupWriter.EntityType, name, before: null, after: summary);
        await db.SaveChangesAsync(cancellationToken);
        AddTwoFactor(db, payload, users);
        await db.SaveChangesAsync(cancellationToken);

        // Secrets the backup carries open (alert channels') are sealed with this node's key ring, as an import seals them.
        var sealedConfiguration = ConfigKinds.Kinds.All.Aggregate(ConfigNormalizer.Normalize(payload.Configuration), (d, kind) => kind.SealSecrets(d, store.Secrets));
        var written = await DocumentWriter.WriteAsync(db, time, editor.Name,
            before => BackupRestoreEdit.Propose(before, sealedConfiguration, name), store.ReservedPorts, store.CountryRules, cancellationToken);
        return written.Succeeded
            ? StoreResult<BackupSummary>.Ok(summary)
            : new StoreResult<BackupSummary> { Status = written.Status, Errors = written.Errors, Detail = written.Detail };
    }

    // What a restore would replace, named for the refusal; the restoring user alone is not "held".
    private static async Task<List<string>> HeldAsync(ApplianceDbContext db, Editor editor, CancellationToken cancellationToken)
    {
        var held = new List<string>();
        var document = await ConfigDocumentReader.ReadAsync(db, tracked: false, cancellationToken);
        if (document.Pools.Count + document.Routes.Count + document.CacheRules.Count + document.AccessLists.Count
            + document.RateLimits.Count + document.ErrorPages.Count + document.Streams.Count > 0)
        {
            held.Add("configuration");
        }

        var self = UserNames.Normalize(editor.Name);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName != self, cancellationToken))
        {
            held.Add("users");
        }

        if (await db.ApiTokens.AnyAsync(t => t.RevokedAt == null, cancellationToken))
        {
            held.Add("API tokens");
        }

        if (await db.Certificates.AnyAsync(cancellationToken))
        {
            held.Add("certificates");
        }

        if (await db.AcmeAccounts.AnyAsync(cancellationToken))
        {
            held.Add("an ACME account");
        }

        return held;
    }

    private static Dictionary<string, UserEntity> AddUsers(ApplianceDbContext db, BackupPayload payload)
    {
        var users = new Dictionary<string, UserEntity>(StringComparer.Ordinal);
        foreach (var user in payload.Users)
        {
            var entity = new UserEntity
            {
                UserName = user.UserName,
                NormalizedUserName = UserNames.Normalize(user.UserName),
                PasswordHash = user.PasswordHash,
                Role = ApplianceRoles.All.Contains(user.Role) ? user.Role : ApplianceRoles.Viewer,
                // A new stamp: no session cookie issued before the restore, here or on the old machine, works after it.
                SecurityStamp = UserStore.NewSecurityStamp(),
                RecentSignInAddresses = [.. user.RecentSignInAddresses],
                ThemePreference = Enum.IsDefined(user.Theme) ? user.Theme : Users.Preferences.ThemePreference.System,
                CreatedAt = user.CreatedAt,
            };
            db.Users.Add(entity);
            users[user.UserName] = entity;
        }

        return users;
    }

    private void AddRest(ApplianceDbContext db, BackupPayload payload)
    {
        if (payload.RequireTwoFactor)
        {
            db.SignInPolicy.Add(new SignInPolicyEntity { RequireTwoFactor = true });
        }

        foreach (var token in payload.Tokens)
        {
            db.ApiTokens.Add(new ApiTokenEntity { Name = token.Name, TokenHash = token.TokenHash, Role = token.Role, CreatedAt = token.CreatedAt, RevokedAt = token.RevokedAt });
        }

        foreach (var c in payload.Certificates)
        {
            db.Certificates.Add(new CertificateEntity
            {
                Name = c.Name,
                Hostnames = [.. c.Hostnames],
                Source = c.Source,
                Status = c.Status,
                NotBefore = c.NotBefore,
                NotAfter = c.NotAfter,
                Issuer = c.Issuer,
                Thumbprint = c.Thumbprint,
                LastError = c.LastError,
                ChainPem = c.ChainPem,
                ProtectedKey = c.KeyPem is null ? null : keys.Protect(c.KeyPem),
                CreatedAt = c.CreatedAt,
                FailureCount = c.FailureCount,
                NextAttemptAt = c.NextAttemptAt,
            });
        }

        foreach (var account in payload.AcmeAccounts)
        {
            db.AcmeAccounts.Add(new AcmeAccountEntity
            {
                DirectoryUrl = account.DirectoryUrl,
                Email = account.Email,
                AccountUrl = account.AccountUrl,
                ProtectedKey = keys.Protect(account.KeyPem),
                CreatedAt = account.CreatedAt,
            });
        }
    }

    private void AddTwoFactor(ApplianceDbContext db, BackupPayload payload, Dictionary<string, UserEntity> users)
    {
        foreach (var user in payload.Users)
        {
            var id = users[user.UserName].Id;
            if (user.TwoFactor is { } enrolment)
            {
                db.TwoFactorEnrolments.Add(new TwoFactorEnrolmentEntity
                {
                    UserId = id,
                    ProtectedSecret = secrets.Protect(Convert.FromBase64String(enrolment.Secret)),
                    ConfirmedAt = enrolment.ConfirmedAt,
                    LastUsedStep = enrolment.LastUsedStep,
                });
            }

            foreach (var hash in user.RecoveryCodeHashes)
            {
                db.RecoveryCodes.Add(new RecoveryCodeEntity { UserId = id, Hash = hash });
            }
        }
    }
}
