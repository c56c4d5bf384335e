using Appliance.Engine.Configuration;

namespace Appliance.Engine.PoolLimits;

/// <summary>The capped pools of the newest configuration with their load on this node, for the control plane.</summary>
public sealed class PoolLoadReader(SnapshotStore snapshots, PoolGates gates)
{
    /// <summary>Every pool with a cap in the newest configuration, by name.</summary>
    public IReadOnlyList<PoolLoad> Read()
    {
        var set = snapshots.Current.Parts.Get<PoolLimitSet>() ?? PoolLimitSet.None;
        return set.Limits
            .OrderBy(pool => pool.Key, StringComparer.Ordinal)
            .Select(pool =>
            {
                var gate = gates.Find(pool.Key);
                var (full, timedOut) = gates.Rejections(pool.Key);
                return new PoolLoad(pool.Key, pool.Value.MaxConcurrentRequests, pool.Value.QueueLength, gate?.Active ?? 0, gate?.Queued ?? 0, full, timedOut);
            })
            .ToArray();
    }
}
