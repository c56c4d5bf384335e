using System.Collections.Concurrent;

namespace Appliance.Engine.Mirroring;

/// <summary>Every mirrored route's counters, and the copies in flight: shared by the data plane, which counts, and the control plane, which reports.</summary>
public sealed class MirrorMetrics
{
    private readonly ConcurrentDictionary<string, MirrorRouteCounters> _routes = new(StringComparer.Ordinal);
    private int _inFlight;

    /// <summary>Copies being buffered or sent now, over every route.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The counters of <paramref name="route"/>, made at its first mirrored request.</summary>
    public MirrorRouteCounters For(string route) => _routes.GetOrAdd(route, static _ => new MirrorRouteCounters());

    /// <summary>The counters of <paramref name="route"/> if it has mirrored anything since start.</summary>
    public MirrorRouteCounters? Find(string route) => _routes.GetValueOrDefault(route);

    /// <summary>Every route that mirrored since start, by name; kept when a route stops mirroring, as counters only grow.</summary>
    public IEnumerable<(string Route, MirrorRouteCounters Counters)> Routes() =>
        _routes.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value));

    /// <summary>Takes a slot for one more copy, or says there is none left under <paramref name="limit"/>.</summary>
    internal bool TryReserve(int limit)
    {
        if (Interlocked.Increment(ref _inFlight) <= limit)
        {
            return true;
        }

        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    internal void Release() => Interlocked.Decrement(ref _inFlight);
}
