using Appliance.Engine.Caching;

namespace Appliance.Engine.Cluster;

/// <summary>
/// Cache statistics of the live nodes, each and summed. Each node caches for itself, so the total is
/// what the cluster holds and how it answered; a down node's figures are left out, as its cache went with it.
/// </summary>
public sealed record ClusterCache(CacheStatistics Total, IReadOnlyList<NodeCache> Nodes)
{
    public static ClusterCache Of(ClusterView view)
    {
        var nodes = view.Up.Select(n => new NodeCache(n.Name, n.Self, n.Cache)).ToArray();
        var total = nodes.Select(n => n.Cache).Aggregate(
            new CacheStatistics(0, 0, 0, 0, 0, 0, 0),
            (sum, c) => new CacheStatistics(
                sum.Entries + c.Entries,
                sum.Bytes + c.Bytes,
                sum.MaxBytes + c.MaxBytes,
                sum.Hits + c.Hits,
                sum.Misses + c.Misses,
                sum.Evictions + c.Evictions,
                sum.Stores + c.Stores));
        return new ClusterCache(total, nodes);
    }
}
