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
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);

        if (db is Providers.SqliteApplianceDbContext)
        {
            // WAL lets the engine read a snapshot while the store writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // The database, its -wal and -shm files exist now: owner-only, whatever existed before.
        OwnerOnlyFiles.Restrict(dataDirectory.FullPath);

        if (pending.Count > 0)
        {
            LogMigrationsApplied(pending.Count, string.Join(", ", pending), DatabaseName(db));
        }
        else
        {
            LogSchemaCurrent(DatabaseName(db));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The file, or the server and database: never the connection string, which may hold a password.
    private string DatabaseName(ApplianceDbContext db)
    {
        if (db is Providers.SqliteApplianceDbContext)
        {
            return dataDirectory.DatabasePath;
        }

        var connection = db.Database.GetDbConnection();
        return $"{connection.DataSource}/{connection.Database}";
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied {Count} database migration(s) ({Migrations}) to {Database}.")]
    private partial void LogMigrationsApplied(int count, string migrations, string database);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Database {Database} is up to date.")]
    private partial void LogSchemaCurrent(string database);
}
