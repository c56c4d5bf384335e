using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.Hosting;

// Runs before every other hosted service, so that the engine reads a schema that matches its code.
internal sealed partial class DatabaseMigrator(
    IDbContextFactory<ApplianceDbContext> contexts,
    DataDirectory dataDirectory,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        dataDirectory.EnsureExists();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<string> pending;
        await using (await db.LockMigrationsAsync(cancellationToken))
        {
            pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
        }

        await db.PrepareAsync(cancellationToken);

        // The database, its -wal and -shm files exist now: owner-only, whatever existed before.
        OwnerOnlyFiles.Restrict(dataDirectory.FullPath);

        if (pending.Count > 0)
        {
            LogMigrationsApplied(pending.Count, string.Join(", ", pending), db.Describe());
        }
        else
        {
            LogSchemaCurrent(db.Describe());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied {Count} database migration(s) ({Migrations}) to {Database}.")]
    private partial void LogMigrationsApplied(int count, string migrations, string database);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Database {Database} is up to date.")]
    private partial void LogSchemaCurrent(string database);
}
