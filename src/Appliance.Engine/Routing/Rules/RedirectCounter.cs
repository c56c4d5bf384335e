using System.Collections.Concurrent;

namespace Appliance.Engine.Routing.Rules;

/// <summary>Redirects the appliance answered itself since start, per redirect route and status; shared with the control plane, which reports them.</summary>
public sealed class RedirectCounter
{
    private readonly ConcurrentDictionary<(string Route, int Status), Count> _counts = new();

    internal void Add(string route, int status) => Interlocked.Increment(ref _counts.GetOrAdd((route, status), static _ => new Count()).Value);

    /// <summary>Each route's and status's count so far, in route then status order.</summary>
    public IReadOnlyList<(string Route, int Status, long Count)> Counts() =>
        _counts.OrderBy(c => c.Key.Route, StringComparer.Ordinal).ThenBy(c => c.Key.Status)
            .Select(c => (c.Key.Route, c.Key.Status, Interlocked.Read(ref c.Value.Value)))
            .ToArray();

    // A counter the dictionary hands out by reference, so counting never replaces an entry.
    private sealed class Count
    {
        public long Value;
    }
}
