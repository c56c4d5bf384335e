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
/// Makes a backup: reads the configuration, users, tokens, certificates and ACME accounts in one
/// read transaction (one consistent moment), decrypts what this node's key ring protects, and seals
/// it all under the passphrase. The backup itself is audited (who, when, what it held), never the passphrase.
/// </summary>
public sealed class BackupWriter(
    IDbContextFactory<ApplianceDbContext> contexts,
    CertificateKeyProtector keys,
    TwoFactorSecretProtector secrets,
    Secrets.ConfigSecretProtector channelSecrets,
    TimeProvider time)
{
    internal const string EntityType = "backup";

    /// <summary>400 for a short passphrase; 403 when a signed-in <paramref name="editor"/> is no longer an Admin.</summary>
    public async Task<StoreResult<BackupFile>> CreateAsync(string? passphrase, Editor editor, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        BackupPassphrase.Validate(passphrase, errors);
        if (!errors.IsEmpty)
        {
            return StoreResult<BackupFile>.Invalid(errors) with { Detail = errors.ToDictionary().Values.First()[0] };
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        BackupPayload payload;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await editor.MayChangeAsync(db, cancellationToken))
            {
                return StoreResult<BackupFile>.Forbidden(Editor.Refusal);
            }

            payload = await ReadAsync(db, cancellationToken);
        }

        // Seal outside the transaction: PBKDF2 takes a noticeable fraction of a second.
        var content = BackupContainer.Seal(BackupJson.Serialize(payload), passphrase!);
        var file = new BackupFile($"appliance-{payload.CreatedAt:yyyy-MM-dd}.backup", content);
        AuditTrail.Add(db, time, editor.Name, AuditAction.Backup, EntityType, file.FileName, before: null, after: BackupSummary.Of(payload));
        await db.SaveChangesAsync(cancellationToken);
        return StoreResult<BackupFile>.Ok(file);
    }

    private async Task<BackupPayload> ReadAsync(ApplianceDbContext db, CancellationToken cancellationToken)
    {
        var revision = await db.Revisions.AsNoTracking().Where(r => r.Id == ConfigRevision.SingletonId).Select(r => r.Revision).SingleAsync(cancellationToken);
        // Alert channels' secrets are sealed with this node's key ring, which a fresh appliance does
        // not have: they travel open inside the passphrase's envelope and are sealed again on restore.
        var document = OpenChannelSecrets(await ConfigDocumentReader.ReadAsync(db, tracked: false, cancellationToken));
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(cancellationToken);
        var enrolments = await db.TwoFactorEnrolments.AsNoTracking().ToDictionaryAsync(e => e.UserId, cancellationToken);
        var codes = (await db.RecoveryCodes.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => c.UserId, c => c.Hash);
        var policy = await db.SignInPolicy.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var certificates = await db.Certificates.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var accounts = await db.AcmeAccounts.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);

        return new BackupPayload
        {
            CreatedAt = time.GetUtcNow(),
            Revision = revision,
            Configuration = document,
            Users = [.. users.Select(u => new BackupUser
            {
                UserName = u.UserName,
                PasswordHash = u.PasswordHash,
                Role = u.Role,
                CreatedAt = u.CreatedAt,
                RecentSignInAddresses = u.RecentSignInAddresses,
                Theme = u.ThemePreference,
                TwoFactor = enrolments.TryGetValue(u.Id, out var enrolment)
                    ? new BackupTwoFactor
                    {
                        Secret = Convert.ToBase64String(secrets.Unprotect(enrolment.ProtectedSecret)),
                        ConfirmedAt = enrolment.ConfirmedAt,
                        LastUsedStep = enrolment.LastUsedStep,
                    }
                    : null,
                RecoveryCodeHashes = [.. codes[u.Id]],
            })],
            RequireTwoFactor = policy?.RequireTwoFactor ?? false,
            Tokens = [.. tokens.Select(t => new BackupToken { Name = t.Name, TokenHash = t.TokenHash, Role = t.Role, CreatedAt = t.CreatedAt, RevokedAt = t.RevokedAt })],
            Certificates = [.. certificates.Select(c => new BackupCertificate
            {
                Name = c.Name,
                Hostnames = c.Hostnames,
                Source = c.Source,
                Status = c.Status,
                NotBefore = c.NotBefore,
                NotAfter = c.NotAfter,
                Issuer = c.Issuer,
                Thumbprint = c.Thumbprint,
                LastError = c.LastError,
                ChainPem = c.ChainPem,
                KeyPem = c.ProtectedKey is null ? null : keys.Unprotect(c.ProtectedKey),
                CreatedAt = c.CreatedAt,
                FailureCount = c.FailureCount,
                NextAttemptAt = c.NextAttemptAt,
            })],
            AcmeAccounts = [.. accounts.Select(a => new BackupAcmeAccount
            {
                DirectoryUrl = a.DirectoryUrl,
                Email = a.Email,
                AccountUrl = a.AccountUrl,
                KeyPem = keys.Unprotect(a.ProtectedKey),
                CreatedAt = a.CreatedAt,
            })],
        };
    }

    private ConfigDocument OpenChannelSecrets(ConfigDocument document) => document with
    {
        AlertChannels = document.AlertChannels.Select(channel => channel with
        {
            Webhook = channel.Webhook is { ProtectedSecret: { } sealedSecret } webhook ? webhook with { Secret = channelSecrets.Unprotect(sealedSecret) } : channel.Webhook,
            Email = channel.Email is { ProtectedPassword: { } sealedPassword } email ? email with { Password = channelSecrets.Unprotect(sealedPassword) } : channel.Email,
        }).ToArray(),
    };
}
