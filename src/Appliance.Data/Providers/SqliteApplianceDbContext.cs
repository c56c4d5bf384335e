using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Providers;

/// <summary>The embedded database of one node (<c>data/appliance.db</c>); owns <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteApplianceDbContext(DbContextOptions<SqliteApplianceDbContext> options) : ApplianceDbContext(options)
{
    // One node: the store's in-process lock orders its writers, and SQLite lets one writer at a time anyway.
    internal override Task LockConfigurationAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // One node: nobody else to tell.
    internal override Task NotifyNodesAsync(string news, CancellationToken cancellationToken) => Task.CompletedTask;

    // SQLite lets one writer at a time: appends already commit in id order.
    internal override Task LockClusterMessagesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // One node: its ring is in data/keys, loaded by Data Protection itself.
    internal override Task LockKeyRingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // One node per file, and SQLite's single writer: nothing to order.
    internal override Task<IAsyncDisposable> LockMigrationsAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    // WAL lets the engine read a snapshot while the store writes.
    internal override Task PrepareAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    internal override string Describe() => Database.GetDbConnection().DataSource;

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
