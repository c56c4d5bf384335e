using Appliance.Data.Entities;
using Appliance.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.History;

/// <summary>
/// Writes a revision's document into the history inside the write's own transaction, after its
/// rows are saved, and prunes what falls beyond <see cref="HistoryOptions.KeptRevisions"/>: a
/// revision and its history entry are committed together or not at all, on whichever node wrote it.
/// </summary>
public sealed class ConfigHistoryRecorder(HistoryDocumentJson json, HistoryOptions options)
{
    /// <summary>
    /// Records revision <paramref name="number"/>. Call after the write's rows are saved (the document
    /// is read back as the export reads it, so it is exactly what the revision serves) and before commit.
    /// </summary>
    internal async Task RecordAsync(ApplianceDbContext db, long number, DateTimeOffset at, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var document = await ConfigDocumentReader.ReadAsync(db, tracked: false, cancellationToken);
        db.History.Add(new ConfigHistoryEntry
        {
            Number = number,
            At = at,
            Actor = audit?.Actor ?? "",
            Summary = HistorySummary.Of(audit),
            Document = json.Serialize(document),
        });
        await db.SaveChangesAsync(cancellationToken);

        var oldestKept = number - options.KeptRevisions + 1;
        await db.History.Where(h => h.Number < oldestKept).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The audit entry the write added: every write path adds exactly one, and it says what the revision did.</summary>
    internal static AuditEntry? AuditOf(ApplianceDbContext db) =>
        db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).LastOrDefault();
}
