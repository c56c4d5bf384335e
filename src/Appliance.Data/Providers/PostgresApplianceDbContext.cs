using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Providers;

/// <summary>The database several nodes share; owns <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresApplianceDbContext(DbContextOptions<PostgresApplianceDbContext> options) : ApplianceDbContext(options)
{
    // "Applianc" in ASCII: the one advisory lock key of configuration writes.
    private const long ConfigurationLockKey = 0x4170706C69616E63;

    // "Clusterm" in ASCII: the advisory lock key that orders cluster message appends.
    private const long ClusterMessagesLockKey = 0x436C75737465726D;

    // "KeyRing\0" in ASCII: the advisory lock key of loading the key ring at start.
    private const long KeyRingLockKey = 0x4B657952696E6700;

    // "Migrate\0" in ASCII: the advisory lock key of migrating at start.
    private const long MigrationsLockKey = 0x4D69677261746500;

    // Several nodes write: the in-process lock orders only this node's writers. A transaction-scoped
    // advisory lock orders them all and is released by the commit or rollback, even if the node dies.
    internal override Task LockConfigurationAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ConfigurationLockKey})", cancellationToken);

    // NOTIFY inside the transaction is delivered at commit and dropped on rollback: a node is never
    // woken for a change that did not happen, nor before the change is visible to its read.
    internal override Task NotifyNodesAsync(string news, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_notify({Cluster.ClusterNews.Channel}, {news})", cancellationToken);

    internal override Task LockClusterMessagesAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ClusterMessagesLockKey})", cancellationToken);

    // Not the configuration writers' lock, so a start never waits on a write.
    internal override Task LockKeyRingAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({KeyRingLockKey})", cancellationToken);

    // A session lock on a connection held open for the migrations, so that it spans all of their
    // transactions; released explicitly, or by the server when a dying node's session ends.
    internal override async Task<IAsyncDisposable> LockMigrationsAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationsLockKey})", cancellationToken);
        return new MigrationsLock(this);
    }

    internal override Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal override string Describe()
    {
        var connection = Database.GetDbConnection();
        return $"{connection.DataSource}/{connection.Database}";
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffset>();
    }

    private sealed class MigrationsLock(PostgresApplianceDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationsLockKey})");
            await db.Database.CloseConnectionAsync();
        }
    }
}
