using System.Collections.Concurrent;

namespace Appliance.Engine.Maintenance;

/// <summary>Maintenance answers given since start, per route; shared with the control plane, which reports them.</summary>
public sealed class MaintenanceCounter
{
    private readonly ConcurrentDictionary<string, StrongBoxCount> _counts = new(StringComparer.Ordinal);

    internal void Count(string route) => Interlocked.Increment(ref _counts.GetOrAdd(route, static _ => new StrongBoxCount()).Value);

    /// <summary>Each route's count so far, in route order.</summary>
    public IReadOnlyList<(string Route, long Count)> Counts() =>
        _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, Interlocked.Read(ref c.Value.Value))).ToArray();

    // A counter the dictionary hands out by reference, so counting never replaces an entry.
    private sealed class StrongBoxCount
    {
        public long Value;
    }
}
