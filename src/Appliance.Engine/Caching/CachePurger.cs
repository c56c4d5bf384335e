using System.Text.Json;
using Appliance.Data.Cluster;

namespace Appliance.Engine.Caching;

/// <summary>
/// Purges the cache on every node: the API and the Cache page call it. The order goes to the other
/// nodes first, then applies here, so a purge the database could not carry fails whole (and says
/// so) rather than emptying one node's cache of many.
/// </summary>
public sealed class CachePurger(ResponseCache cache, IClusterBus bus)
{
    /// <summary>The cluster message topic of purges.</summary>
    public const string Topic = "cache.purge";

    /// <summary>Sends <paramref name="order"/> to the other nodes and applies it here; returns how many entries this node removed.</summary>
    public async Task<int> PurgeAsync(CachePurgeOrder order, CancellationToken cancellationToken = default)
    {
        await bus.PublishAsync(Topic, JsonSerializer.Serialize(order), cancellationToken);
        return order.ApplyTo(cache);
    }
}
