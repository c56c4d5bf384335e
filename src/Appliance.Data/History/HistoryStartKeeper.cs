using Appliance.Data.Entities;
using Appliance.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Appliance.Data.History;

/// <summary>
/// At start, after the migrations: keeps the current revision's document if the history has none
/// for it, as on the first start after an upgrade that brought the history. Without it the first
/// change made afterwards could not be undone, since the revision before it would not be kept.
/// Taken under the configuration lock, so nodes starting together keep it once.
/// </summary>
internal sealed class HistoryStartKeeper(IDbContextFactory<ApplianceDbContext> contexts, HistoryDocumentJson json) : IHostedService
{
    /// <summary>The summary of a revision kept this way: it was made before the history existed.</summary>
    public const string Summary = "kept at start (made before the history existed)";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockConfigurationAsync(cancellationToken);
        var revision = await db.Revisions.AsNoTracking().SingleAsync(r => r.Id == ConfigRevision.SingletonId, cancellationToken);
        if (revision.Revision == 0 || await db.History.AnyAsync(h => h.Number == revision.Revision, cancellationToken))
        {
            return;
        }

        var document = await ConfigDocumentReader.ReadAsync(db, tracked: false, cancellationToken);
        db.History.Add(new ConfigHistoryEntry { Number = revision.Revision, At = revision.ChangedAt, Actor = "", Summary = Summary, Document = json.Serialize(document) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
