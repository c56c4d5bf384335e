using System.Collections.Concurrent;
using System.Net;

namespace Appliance.Engine.Security.Shield;

/// <summary>Blocked and limited requests: counts per reason and route since start, and the last clients turned away.</summary>
public sealed class ShieldLog(TimeProvider time)
{
    private const int Capacity = 200;
    private readonly ConcurrentDictionary<(string Reason, string Route), long> _counts = new();
    private readonly LinkedList<BlockedRequest> _latest = new();

    public void Record(string reason, string route, IPAddress? client, string detail)
    {
        _counts.AddOrUpdate((reason, route), 1, static (_, n) => n + 1);
        lock (_latest)
        {
            _latest.AddFirst(new BlockedRequest(time.GetUtcNow(), reason, route, client?.ToString() ?? "unknown", detail));
            if (_latest.Count > Capacity)
            {
                _latest.RemoveLast();
            }
        }
    }

    public IReadOnlyList<(string Reason, string Route, long Count)> Counts() =>
        _counts.OrderBy(c => c.Key.Reason, StringComparer.Ordinal).ThenBy(c => c.Key.Route, StringComparer.Ordinal)
            .Select(c => (c.Key.Reason, c.Key.Route, c.Value)).ToArray();

    public IReadOnlyList<BlockedRequest> Latest(int take)
    {
        lock (_latest)
        {
            return _latest.Take(take).ToArray();
        }
    }
}
