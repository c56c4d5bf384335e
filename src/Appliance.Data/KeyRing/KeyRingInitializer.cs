using Microsoft.AspNetCore.DataProtection;
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
    ILogger<KeyRingInitializer> logger) : IHostedService
{
    // "KeyRing\0" in ASCII: not the configuration writers' lock, so a start never waits on a write.
    private const long KeyRingLockKey = 0x4B657952696E6700;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({KeyRingLockKey})", cancellationToken);

        // Protecting anything reads the ring and, if it has no usable key, adds one to the table.
        dataProtection.CreateProtector("Appliance.KeyRing.Start").Protect([0]);
        var keys = await db.DataProtectionKeys.CountAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogKeyRingReady(keys);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Key ring loaded from the database ({Keys} key(s)).")]
    private partial void LogKeyRingReady(int keys);
}
