using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Health;

/// <summary>
/// The last health changes, newest first, and since when each backend has had its current health.
/// Kept in memory: it describes this process's probes, which start afresh at every start. Every
/// change is also handed to the <see cref="IHealthTransitionListener"/>s (the uptime history that
/// outlives the process, the backend alerts).
/// </summary>
public sealed partial class HealthEventLog
{
    private const int Capacity = 500;
    private readonly LinkedList<HealthEvent> _events = new();
    private readonly ConcurrentDictionary<(string Pool, string Backend), DateTimeOffset> _since = new();
    private readonly Dictionary<(string Pool, string Backend), ShownHealth> _shown = [];
    private readonly TimeProvider _time;
    private readonly ILogger<HealthEventLog> _logger;
    private readonly IHealthTransitionListener[] _listeners;

    public HealthEventLog(TimeProvider time, ILogger<HealthEventLog> logger)
        : this(time, logger, [])
    {
    }

    public HealthEventLog(TimeProvider time, ILogger<HealthEventLog> logger, IEnumerable<IHealthTransitionListener> listeners)
    {
        _time = time;
        _logger = logger;
        _listeners = listeners.ToArray();
    }

    /// <summary>Records a change of a backend's health.</summary>
    public void Record(string pool, string backend, string from, string to, string source = HealthSources.Probe, string? reason = null)
    {
        var change = new HealthEvent(_time.GetUtcNow(), pool, backend, from, to) { Source = source, Reason = reason };
        _since[(pool, backend)] = change.At;
        lock (_events)
        {
            _events.AddFirst(change);
            if (_events.Count > Capacity)
            {
                _events.RemoveLast();
            }
        }

        foreach (var listener in _listeners)
        {
            listener.OnTransition(change);
        }
    }

    /// <summary>
    /// Brings the log up to date with a backend's live health, active and passive together: it
    /// went down when either check takes it out, and came back only when neither holds it out any
    /// more. The policies call this as they change a backend's health (with the reason they know),
    /// a watcher for the changes YARP makes on its own timer, the health reader before it reports.
    /// </summary>
    public void Observe(string pool, DestinationState destination, string? reason = null)
    {
        // The snapshot makes each backend's address its destination id.
        var key = (pool, destination.DestinationId);

        // Health is read under the lock: whichever caller comes later sees state at least as new,
        // so a caller holding an older reading cannot record a change back.
        lock (_shown)
        {
            var active = destination.Health.Active;
            var passive = destination.Health.Passive;
            var now = RotationHealth.Of(active, passive);
            var before = _shown.GetValueOrDefault(key, ShownHealth.Unknown);

            // Each check's own verdict is kept even when the rotation does not change: whichever
            // check let the backend go last is the one that brought it back.
            _shown[key] = new ShownHealth(now, active, passive);
            if (now == before.Rotation)
            {
                return;
            }

            // A backend drained and enabled again, or whose pool was re-created, is simply not judged
            // yet: it was never out, and nothing happened to it worth an event.
            if (now == DestinationHealth.Unknown && before.Rotation == DestinationHealth.Healthy)
            {
                return;
            }

            var source = ShownHealth.SourceOf(before, now, active, passive);
            Record(pool, destination.DestinationId, before.Rotation.ToString(), now.ToString(), source, reason ?? DefaultReason(now, before.Rotation, source));
            if (before.Rotation == DestinationHealth.Unhealthy)
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

    private static string DefaultReason(DestinationHealth now, DestinationHealth before, string source) => (now, before, source) switch
    {
        (DestinationHealth.Unhealthy, _, HealthSources.Traffic) => "failed on live traffic",
        (DestinationHealth.Unhealthy, _, _) => "health probes failed",
        (_, DestinationHealth.Unhealthy, HealthSources.Traffic) => "live-traffic time-out ended",
        (_, DestinationHealth.Unhealthy, _) => "health probes pass again",
        (_, _, HealthSources.Traffic) => "answered live traffic",
        _ => "health probes pass",
    };

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Backend {Backend} of pool {Pool} is back in rotation.")]
    private partial void LogBackInRotation(string pool, string backend);
}
