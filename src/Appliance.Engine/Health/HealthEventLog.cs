using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Health;

/// <summary>
/// The last health changes, newest first, and since when each backend has had its current health.
/// Kept in memory: it describes this process's probes, which start afresh at every start.
/// </summary>
public sealed partial class HealthEventLog(TimeProvider time, ILogger<HealthEventLog> logger)
{
    private const int Capacity = 500;
    private readonly LinkedList<HealthEvent> _events = new();
    private readonly ConcurrentDictionary<(string Pool, string Backend), DateTimeOffset> _since = new();
    private readonly Dictionary<(string Pool, string Backend), DestinationHealth> _shown = [];

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

    /// <summary>
    /// Brings the log up to date with a backend's live health, active and passive together: it
    /// went down when either check takes it out, and came back only when neither holds it out any
    /// more. The policies call this as they change a backend's health, a watcher for the changes
    /// YARP makes on its own timer, the health reader before it reports.
    /// </summary>
    public void Observe(string pool, DestinationState destination)
    {
        // The snapshot makes each backend's address its destination id.
        var key = (pool, destination.DestinationId);

        // Health is read under the lock: whichever caller comes later sees state at least as new,
        // so a caller holding an older reading cannot record a change back.
        lock (_shown)
        {
            var now = RotationHealth.Of(destination.Health.Active, destination.Health.Passive);
            var before = _shown.GetValueOrDefault(key, DestinationHealth.Unknown);
            if (now == before)
            {
                return;
            }

            _shown[key] = now;

            // A backend drained and enabled again, or whose pool was re-created, is simply not judged
            // yet: it was never out, and nothing happened to it worth an event.
            if (now == DestinationHealth.Unknown && before == DestinationHealth.Healthy)
            {
                return;
            }

            Record(pool, destination.DestinationId, before.ToString(), now.ToString());
            if (before == DestinationHealth.Unhealthy)
            {
                LogBackInRotation(pool, destination.DestinationId);
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

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Backend {Backend} of pool {Pool} is back in rotation.")]
    private partial void LogBackInRotation(string pool, string backend);
}
