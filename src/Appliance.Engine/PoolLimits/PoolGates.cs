using System.Collections.Concurrent;

namespace Appliance.Engine.PoolLimits;

/// <summary>
/// This node's gate of every capped pool and its refusals since start; shared with the control
/// plane, which reports them. Gates are made at a pool's first request and kept across revisions.
/// </summary>
public sealed class PoolGates(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PoolGate> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RejectionCounts> _rejections = new(StringComparer.Ordinal);

    /// <summary>The gate of <paramref name="pool"/>, with the limits of <paramref name="revision"/> unless a newer one set others.</summary>
    internal PoolGate For(string pool, PoolLimit limit, long revision)
    {
        var gate = _gates.GetOrAdd(pool, static (_, state) => new PoolGate(state.limit, state.revision, state.time), (limit, revision, time));
        gate.Apply(limit, revision);
        return gate;
    }

    /// <summary>The gate of <paramref name="pool"/> if a request has reached it yet.</summary>
    internal PoolGate? Find(string pool) => _gates.GetValueOrDefault(pool);

    internal void CountRejection(string pool, PoolGateOutcome reason)
    {
        var counts = _rejections.GetOrAdd(pool, static _ => new RejectionCounts());
        if (reason == PoolGateOutcome.QueueFull)
        {
            Interlocked.Increment(ref counts.QueueFull);
        }
        else
        {
            Interlocked.Increment(ref counts.QueueTimeout);
        }
    }

    /// <summary>Requests of <paramref name="pool"/> refused since start: with a full queue, and after waiting the whole timeout.</summary>
    public (long QueueFull, long QueueTimeout) Rejections(string pool) =>
        _rejections.TryGetValue(pool, out var counts) ? (Interlocked.Read(ref counts.QueueFull), Interlocked.Read(ref counts.QueueTimeout)) : (0, 0);

    /// <summary>Every pool that has refused a request since start, in name order.</summary>
    public IReadOnlyList<string> PoolsWithRejections() => _rejections.Keys.Order(StringComparer.Ordinal).ToArray();

    // Counters the dictionary hands out by reference, so counting never replaces an entry.
    private sealed class RejectionCounts
    {
        public long QueueFull;
        public long QueueTimeout;
    }
}
