using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Cluster;

/// <summary>The <c>ClusterMessages</c> table: append, read after an id, prune.</summary>
public sealed class ClusterMessageStore(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time)
{
    /// <summary>Appends a message and, at commit, wakes the other nodes' readers; returns its id.</summary>
    public async Task<long> AppendAsync(string topic, string payload, string origin, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockClusterMessagesAsync(cancellationToken);
        var entity = new ClusterMessageEntity { Topic = topic, Payload = payload, Origin = origin, CreatedAt = time.GetUtcNow() };
        db.ClusterMessages.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        await db.NotifyNodesAsync(ClusterNews.Messages, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entity.Id;
    }

    /// <summary>The highest id present (0 when none): a node that starts acts only on what comes after.</summary>
    public async Task<long> LastIdAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ClusterMessages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
    }

    /// <summary>Up to <paramref name="limit"/> messages after <paramref name="afterId"/>, in order, without those <paramref name="node"/> sent.</summary>
    public async Task<ClusterMessageBatch> ReadAfterAsync(long afterId, string node, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ClusterMessages.AsNoTracking()
            .Where(m => m.Id > afterId)
            .OrderBy(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var others = rows.Where(m => m.Origin != node).Select(m => new ClusterMessage(m.Id, m.Topic, m.Payload, m.Origin, m.CreatedAt)).ToList();
        return new ClusterMessageBatch(others, rows.Count > 0 ? rows[^1].Id : afterId, rows.Count == limit);
    }

    /// <summary>Deletes messages created before <paramref name="before"/>; returns how many went.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ClusterMessages.Where(m => m.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
