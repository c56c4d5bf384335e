using System.Text.Json;
using Appliance.Data.Auditing;
using Appliance.Data.Cluster;
using Appliance.Data.Entities;

namespace Appliance.Engine.Caching;

/// <summary>
/// Purges the cache on every node: the API and the Cache page call it. The order goes to the other
/// nodes first, then applies here, so a purge the database could not carry fails whole (and says
/// so) rather than emptying one node's cache of many. Every purge is audited once, on the node
/// where the operator asked for it.
/// </summary>
public sealed class CachePurger(ResponseCache cache, IClusterBus bus, AuditLog audit)
{
    /// <summary>The cluster message topic of purges.</summary>
    public const string Topic = "cache.purge";

    /// <summary>Sends <paramref name="order"/> of <paramref name="actor"/> to the other nodes, audits it and applies it here; returns how many entries this node removed.</summary>
    public async Task<int> PurgeAsync(CachePurgeOrder order, string actor, CancellationToken cancellationToken = default)
    {
        // Audited before it leaves: if the database fails in between, an entry records a purge
        // that went nowhere (and the caller is told), never a purge that nodes made unrecorded.
        await audit.RecordAsync(actor, AuditAction.Purge, "cache", order.Key ?? "everything", new { scope = order.Scope.ToString(), url = order.Key }, cancellationToken);
        await bus.PublishAsync(Topic, JsonSerializer.Serialize(order), cancellationToken);
        return order.ApplyTo(cache);
    }
}
