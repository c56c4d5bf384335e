using Appliance.Data.Auditing;
using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.Certificates;

/// <summary>One ACME account per directory URL, its key encrypted at rest.</summary>
public sealed partial class AcmeAccountStore(
    IDbContextFactory<ApplianceDbContext> contexts,
    CertificateKeyProtector keys,
    TimeProvider time,
    ILogger<AcmeAccountStore> logger)
{
    public async Task<AcmeAccount?> GetAsync(string directoryUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.AcmeAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.DirectoryUrl == directoryUrl, cancellationToken);
        if (account is null)
        {
            return null;
        }

        try
        {
            return new AcmeAccount(account.DirectoryUrl, account.AccountUrl, keys.Unprotect(account.ProtectedKey));
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            // The key ring or its protector was lost: the key is gone for good, so a new account is
            // registered and saved over this one (audited) rather than every order failing forever.
            LogAccountKeyUnreadable(directoryUrl, ex.Message);
            return null;
        }
    }

    public async Task SaveAsync(AcmeAccount account, string? email, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.AcmeAccounts.SingleOrDefaultAsync(a => a.DirectoryUrl == account.DirectoryUrl, cancellationToken);
        if (entity is null)
        {
            entity = new AcmeAccountEntity { DirectoryUrl = account.DirectoryUrl, CreatedAt = time.GetUtcNow() };
            db.AcmeAccounts.Add(entity);
        }

        entity.AccountUrl = account.AccountUrl;
        entity.Email = email;
        entity.ProtectedKey = keys.Protect(account.KeyPem);
        AuditTrail.Add(db, time, CertificateStore.AcmeActor, AuditAction.Create, "acme-account", account.DirectoryUrl, before: null,
            after: new { account.DirectoryUrl, account.AccountUrl, email });
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning,
        Message = "The ACME account key for {Directory} cannot be decrypted ({Reason}): the key ring or its protector changed. A new account will be registered.")]
    private partial void LogAccountKeyUnreadable(string directory, string reason);
}
