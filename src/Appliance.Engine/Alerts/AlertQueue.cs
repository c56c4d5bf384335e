using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Where events are raised: a bounded queue the alert worker reads. Raising never waits, so the
/// data plane's health policies and the write path can raise from wherever they are; an event that
/// does not fit is dropped and counted.
/// </summary>
public sealed class AlertQueue
{
    private readonly Channel<AlertEvent> _events;
    private readonly ConcurrentDictionary<string, long> _raised = new(StringComparer.Ordinal);
    private long _dropped;

    public AlertQueue(AlertOptions options) =>
        _events = Channel.CreateBounded<AlertEvent>(new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    internal ChannelReader<AlertEvent> Reader => _events.Reader;

    /// <summary>Events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events raised, by kind.</summary>
    public IReadOnlyDictionary<string, long> Raised => _raised;

    /// <summary>Queues <paramref name="alert"/> for the rules; never waits.</summary>
    public void Raise(AlertEvent alert)
    {
        _raised.AddOrUpdate(alert.Kind, 1, (_, count) => count + 1);
        if (!_events.Writer.TryWrite(alert))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
