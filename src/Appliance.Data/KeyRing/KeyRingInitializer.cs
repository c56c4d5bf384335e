using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.KeyRing;

/// <summary>
/// Loads the shared key ring at start, one node at a time. Data Protection makes a key when it
/// finds none; two nodes starting together on an empty database would each make one and, past the
/// first two minutes, reject what the other protected until their next ring refresh (a day). Under
/// an advisory lock the second node finds the first one's key instead. Runs after the migrator.
/// </summary>
internal sealed partial class KeyRingInitializer(
    IDbContextFactory<ApplianceDbContext> contexts,
    IDataProtectionProvider dataProtection,
    IKeyManager keyManager,
    ILogger<KeyRingInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockKeyRingAsync(cancellationToken);

        // A node with another protector than the rest would find no key it can read, add one of its
        // own that the others cannot read, and sessions would break depending on the node reached.
        var existing = keyManager.GetAllKeys();
        if (existing.Count > 0 && !existing.Any(CanRead))
        {
            throw new InvalidOperationException(
                $"The key ring in the database holds {existing.Count} key(s) and this node can read none of them: its "
                + $"{KeyRingOptions.KeyFileKey} or {KeyRingOptions.CertificatePathKey} is not the one the other nodes use. "
                + "Give every node the same protector (and name the old one as the previous protector while rotating).");
        }

        // Protecting anything reads the ring and, if it has no usable key, adds one to the table.
        dataProtection.CreateProtector("Appliance.KeyRing.Start").Protect([0]);
        var keys = await db.DataProtectionKeys.CountAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogKeyRingReady(keys);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Reading a key's descriptor decrypts it with this node's protector.
    private static bool CanRead(IKey key)
    {
        try
        {
            return key.Descriptor is not null;
        }
        catch (Exception)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Key ring loaded from the database ({Keys} key(s)).")]
    private partial void LogKeyRingReady(int keys);
}
