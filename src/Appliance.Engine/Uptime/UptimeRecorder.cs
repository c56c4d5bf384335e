using System.Threading.Channels;
using Appliance.Data.Uptime;
using Appliance.Engine.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Uptime;

/// <summary>
/// Queues every health change in memory for <see cref="UptimeWriter"/>: the data plane, whose
/// policies and requests make the changes, never waits on the database. The queue is bounded; a
/// change that does not fit is dropped and counted.
/// </summary>
internal sealed class UptimeRecorder : IHealthTransitionListener
{
    private readonly Channel<PendingTransition> _queue;
    private readonly UptimeCounters _counters;
    private readonly TimeProvider _time;

    // Backends this node observes (it has recorded a verdict for them), so that one leaving the
    // configuration can be marked unobserved, and one that comes back recorded again.
    private readonly Dictionary<(string Pool, string Backend), string> _observed = [];

    public UptimeRecorder(UptimeOptions options, UptimeCounters counters, TimeProvider time)
    {
        _counters = counters;
        _time = time;
        _queue = Channel.CreateBounded<PendingTransition>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Transitions waiting to be written.</summary>
    public ChannelReader<PendingTransition> Pending => _queue.Reader;

    public int Queued => _queue.Reader.Count;

    public void OnTransition(HealthEvent change)
    {
        var state = change.To == nameof(DestinationHealth.Unhealthy) ? UptimeStates.Down : UptimeStates.Up;
        lock (_observed)
        {
            _observed[(change.Pool, change.Backend)] = state;
        }

        Enqueue(new PendingTransition(change.Pool, change.Backend, change.At, state, change.Source, change.Reason));
    }

    /// <summary>
    /// Brings the observed set in line with the backends the data plane has now: one that left it is
    /// unobserved from now on (unknown time, not down), and one back with a verdict the event log did
    /// not report again (drained and enabled within a probe) is observed again.
    /// </summary>
    public void Sweep(IEnumerable<(string Pool, DestinationState Destination)> present)
    {
        var now = _time.GetUtcNow();
        lock (_observed)
        {
            var seen = new HashSet<(string, string)>();
            foreach (var (pool, destination) in present)
            {
                var key = (pool, destination.DestinationId);
                seen.Add(key);
                var rotation = RotationHealth.Of(destination.Health.Active, destination.Health.Passive);
                if (rotation == DestinationHealth.Unknown || _observed.ContainsKey(key))
                {
                    continue;
                }

                var state = rotation == DestinationHealth.Unhealthy ? UptimeStates.Down : UptimeStates.Up;
                var source = destination.Health.Active != DestinationHealth.Unknown ? HealthSources.Probe : HealthSources.Traffic;
                _observed[key] = state;
                Enqueue(new PendingTransition(pool, destination.DestinationId, now, state, source, "observed again"));
            }

            foreach (var gone in _observed.Keys.Where(key => !seen.Contains(key)).ToArray())
            {
                _observed.Remove(gone);
                Enqueue(new PendingTransition(gone.Pool, gone.Backend, now, UptimeStates.Unobserved, UptimeSources.Configuration, "no longer in this node's configuration"));
            }
        }
    }

    private void Enqueue(PendingTransition transition)
    {
        if (!_queue.Writer.TryWrite(transition))
        {
            _counters.AddDroppedQueueFull();
        }
    }
}
