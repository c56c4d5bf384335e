using System.Collections.Concurrent;

namespace Appliance.Engine.Health;

/// <summary>
/// The last health changes, newest first, and since when each backend has had its current health.
/// Kept in memory: it describes this process's probes, which start afresh at every start.
/// </summary>
public sealed class HealthEventLog(TimeProvider time)
{
    private const int Capacity = 500;
    private readonly LinkedList<HealthEvent> _events = new();
    private readonly ConcurrentDictionary<(string Pool, string Backend), DateTimeOffset> _since = new();

    /// <summary>Records a change of a backend's health.</summary>
    public void Record(string pool, string backend, string from, string to)
    {
        var change = new HealthEvent(time.GetUtcNow(), pool, backend, from, to);
        _since[(pool, backend)] = change.At;
        lock (_events)
        {
            _events.AddFirst(change);
            if (_events.Count > Capacity)
            {
                _events.RemoveLast();
            }
        }
    }

    /// <summary>When the backend last changed health, or null if it never did in this process.</summary>
    public DateTimeOffset? Since(string pool, string backend) =>
        _since.TryGetValue((pool, backend), out var at) ? at : null;

    /// <summary>The newest <paramref name="take"/> events, newest first.</summary>
    public IReadOnlyList<HealthEvent> Latest(int take)
    {
        lock (_events)
        {
            return _events.Take(take).ToArray();
        }
    }
}
