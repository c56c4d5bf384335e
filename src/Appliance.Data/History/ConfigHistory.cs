using System.Text.Json.Nodes;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.History;

/// <summary>
/// The configuration's history: the kept revisions, the document of each, what changed between two,
/// and a restore, which goes through the one write path as an import of a kept document. Everything
/// is read from the database, so every node sharing one sees the same history.
/// </summary>
public sealed class ConfigHistory(
    IDbContextFactory<ApplianceDbContext> contexts,
    ConfigStore store,
    HistoryDocumentJson json,
    HistoryOptions options,
    TimeProvider time)
{
    public const int DefaultTake = 50;
    public const int MaxTake = 1000;

    /// <summary>How many revisions keep their document.</summary>
    public int MaxRevisions => options.KeptRevisions;

    /// <summary>The kept revisions numbered below <paramref name="before"/> (all when null), newest first.</summary>
    public async Task<IReadOnlyList<RevisionInfo>> ListAsync(int take = DefaultTake, long? before = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.History.AsNoTracking();
        if (before is { } below)
        {
            query = query.Where(h => h.Number < below);
        }

        // The documents stay in the database: a page of the list needs only the lines.
        return await query.OrderByDescending(h => h.Number).Take(Math.Clamp(take, 1, MaxTake))
            .Select(h => new RevisionInfo(h.Number, h.At, h.Actor, h.Summary))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The document of revision <paramref name="number"/>, as an export writes it; 404 saying whether it was pruned or never was.</summary>
    public async Task<StoreResult<ConfigDocument>> GetAsync(long number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await FindAsync(db, number, cancellationToken);
        return entry is null
            ? StoreResult<ConfigDocument>.NotFound(await MissingAsync(db, number, cancellationToken))
            : StoreResult<ConfigDocument>.Ok(json.Deserialize(entry.Document));
    }

    /// <summary>What changed from revision <paramref name="from"/> to revision <paramref name="to"/>; 404 naming a revision not kept.</summary>
    public async Task<StoreResult<ConfigDiff>> DiffAsync(long from, long to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = await FindAsync(db, from, cancellationToken);
        var after = from == to ? before : await FindAsync(db, to, cancellationToken);
        if (before is null || after is null)
        {
            return StoreResult<ConfigDiff>.NotFound(await MissingAsync(db, before is null ? from : to, cancellationToken));
        }

        var oldText = json.Comparable(json.Deserialize(before.Document));
        var newText = json.Comparable(json.Deserialize(after.Document));
        var kinds = ConfigDiffer.Compare(JsonNode.Parse(oldText)!.AsObject(), JsonNode.Parse(newText)!.AsObject());
        var hunks = TextDiff.Hunks(oldText, newText);
        return StoreResult<ConfigDiff>.Ok(new ConfigDiff(from, to, kinds, hunks, TextDiff.Unified($"revision {from}", $"revision {to}", hunks)));
    }

    /// <summary>
    /// Makes revision <paramref name="number"/>'s document the configuration again, as a new revision
    /// audited as a restore. Today's validation applies (400 with the field messages, nothing changed);
    /// 404 when the revision is not kept; 409 when <paramref name="expectedRevision"/> is given and the
    /// configuration has moved past it.
    /// </summary>
    public Task<StoreResult<ConfigDocument>> RestoreAsync(long number, string actor, long? expectedRevision = null, CancellationToken cancellationToken = default) =>
        store.WriteAsync(async db =>
        {
            // Inside the write's lock and transaction: no other write can come between this check and the restore.
            var current = await db.Revisions.AsNoTracking().Where(r => r.Id == ConfigRevision.SingletonId).Select(r => r.Revision).SingleAsync(cancellationToken);
            if (expectedRevision is { } expected && expected != current)
            {
                return StoreResult<ConfigDocument>.Conflict("revision",
                    $"The configuration is at revision {current}, not {expected}: someone changed it meanwhile. Look at the difference again before restoring.");
            }

            var entry = await FindAsync(db, number, cancellationToken);
            if (entry is null)
            {
                return StoreResult<ConfigDocument>.NotFound(await MissingAsync(db, number, cancellationToken));
            }

            var kept = json.Deserialize(entry.Document);
            return await DocumentWriter.WriteAsync(db, time, actor, before => RestoreEdit.Propose(before, kept, number), store.ReservedPorts, store.CountryRules, cancellationToken);
        }, cancellationToken);

    private static Task<ConfigHistoryEntry?> FindAsync(ApplianceDbContext db, long number, CancellationToken cancellationToken) =>
        db.History.AsNoTracking().SingleOrDefaultAsync(h => h.Number == number, cancellationToken);

    // Says which: a revision that never was (or is yet to come), or one whose document is no longer kept.
    private async Task<string> MissingAsync(ApplianceDbContext db, long number, CancellationToken cancellationToken)
    {
        var current = await db.Revisions.AsNoTracking().Where(r => r.Id == ConfigRevision.SingletonId).Select(r => r.Revision).SingleAsync(cancellationToken);
        if (number < 1 || number > current)
        {
            return $"There is no revision {number}: revisions run from 1 to {current}.";
        }

        var oldest = await db.History.AsNoTracking().MinAsync(h => (long?)h.Number, cancellationToken);
        return oldest is { } kept
            ? $"Revision {number} is no longer kept: the history keeps the last {options.KeptRevisions} revisions, and the oldest kept is {kept}."
            : $"Revision {number} is no longer kept: the history holds no revision yet.";
    }
}
