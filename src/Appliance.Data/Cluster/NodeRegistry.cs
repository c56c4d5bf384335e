using System.Text.Json;
using Appliance.Data.Auditing;
using Appliance.Data.Entities;
using Appliance.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Cluster;

/// <summary>
/// The nodes that share this database, one row each: every node writes its own row on each
/// heartbeat, and an operator may forget a node that has gone quiet (audited). Whether a node is up
/// is decided by the reader from <see cref="NodeRecord.LastSeenAt"/>, never stored.
/// </summary>
public sealed class NodeRegistry(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time)
{
    private const string NodeEntityType = "node";

    /// <summary>
    /// Writes <paramref name="node"/>'s row, creating it on the node's first heartbeat. Answers true
    /// when, since this node's previous heartbeat (<paramref name="afterFirst"/>), another process
    /// wrote the row: two nodes run under one name, which leases, cluster messages and this list
    /// all take for one node.
    /// </summary>
    public async Task<bool> BeatAsync(NodeRecord node, bool afterFirst, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.Nodes.SingleOrDefaultAsync(n => n.Name == node.Name, cancellationToken);
        if (entity is null)
        {
            entity = new NodeEntity { Name = node.Name };
            db.Nodes.Add(entity);
        }

        // Only this process writes its start time; another one there means another process.
        var clash = afterFirst && entity.StartedAt.ToUnixTimeMilliseconds() != node.StartedAt.ToUnixTimeMilliseconds();

        entity.Addresses = JsonSerializer.Serialize(node.Addresses);
        entity.Version = node.Version;
        entity.AppliedRevision = node.AppliedRevision;
        entity.StartedAt = node.StartedAt;
        entity.LastSeenAt = node.LastSeenAt;
        entity.Health = node.Report;
        await db.SaveChangesAsync(cancellationToken);
        return clash;
    }

    /// <summary>Every node ever registered and not forgotten, by name.</summary>
    public async Task<IReadOnlyList<NodeRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var nodes = await db.Nodes.AsNoTracking().ToListAsync(cancellationToken);
        return nodes.OrderBy(n => n.Name, StringComparer.Ordinal).Select(ToRecord).ToArray();
    }

    /// <summary>
    /// Removes a departed node's row. 404 when there is none; 409 when it was seen at or after
    /// <paramref name="upIfSeenSince"/>: a live node would only write its row again at its next heartbeat.
    /// </summary>
    public async Task<StoreResult<NodeRecord>> ForgetAsync(string name, DateTimeOffset upIfSeenSince, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = await db.Nodes.SingleOrDefaultAsync(n => n.Name == name, cancellationToken);
        if (entity is null)
        {
            return StoreResult<NodeRecord>.NotFound($"There is no node named '{name}'.");
        }

        var node = ToRecord(entity);
        if (node.LastSeenAt >= upIfSeenSince)
        {
            return StoreResult<NodeRecord>.Conflict("name", $"Node '{name}' is up (last seen {node.LastSeenAt:u}); stop it before removing it.");
        }

        db.Nodes.Remove(entity);
        AuditTrail.Add(db, time, actor, AuditAction.Delete, NodeEntityType, name, Audited(node), after: null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<NodeRecord>.Ok(node);
    }

    // The audit entry says which node went and where it listened, not its health report.
    private static object Audited(NodeRecord node) =>
        new { node.Name, node.Addresses, node.Version, node.AppliedRevision, node.StartedAt, node.LastSeenAt };

    private static NodeRecord ToRecord(NodeEntity entity) => new(
        entity.Name,
        JsonSerializer.Deserialize<string[]>(entity.Addresses) ?? [],
        entity.Version,
        entity.AppliedRevision,
        entity.StartedAt,
        entity.LastSeenAt,
        entity.Health);
}
