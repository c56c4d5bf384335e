using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.Cluster;

/// <summary>
/// Hands the messages other nodes append to the handler of their topic, in order, once each. It
/// wakes on <see cref="ClusterMessageSignal"/> (the listener's NOTIFY) or every
/// <see cref="ClusterOptions.PollInterval"/>, starts after the highest id present when the node
/// starts, and prunes messages older than <see cref="RetainFor"/> now and then.
/// </summary>
internal sealed partial class ClusterMessageReader(
    ClusterMessageStore store,
    ClusterMessageSignal signal,
    NodeIdentity node,
    ClusterOptions options,
    IEnumerable<IClusterMessageHandler> handlers,
    TimeProvider time,
    ILogger<ClusterMessageReader> logger) : BackgroundService
{
    /// <summary>How long a message is kept: long after every running node has read it.</summary>
    public static readonly TimeSpan RetainFor = TimeSpan.FromHours(1);

    private const int BatchSize = 100;
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    // Where this node starts: messages sent before it ran were for caches it did not have yet.
    private long? _startId;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _startId = await store.LastIdAsync(cancellationToken);
        }
        catch (Exception ex) when (Providers.DatabaseOutage.IsCause(ex))
        {
            // Starting during an outage: the loop takes its starting point once the database is back.
            LogReadFailed(ex);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byTopic = handlers.ToDictionary(h => h.Topic, StringComparer.Ordinal);
        var lastId = _startId;
        var nextPrune = time.GetUtcNow();
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                lastId ??= await store.LastIdAsync(stoppingToken);
                await signal.WaitAsync(options.PollInterval, stoppingToken);
                lastId = await ReadAllAfterAsync(lastId.Value, byTopic, stoppingToken);
                if (time.GetUtcNow() >= nextPrune)
                {
                    await store.PruneAsync(time.GetUtcNow() - RetainFor, stoppingToken);
                    nextPrune = time.GetUtcNow() + PruneEvery;
                }

                if (failing)
                {
                    failing = false;
                    LogReadingAgain();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Once per outage, not at every poll.
                if (!failing)
                {
                    failing = true;
                    LogReadFailed(ex);
                }

                await Task.Delay(options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<long> ReadAllAfterAsync(long lastId, Dictionary<string, IClusterMessageHandler> byTopic, CancellationToken cancellationToken)
    {
        ClusterMessageBatch batch;
        do
        {
            batch = await store.ReadAfterAsync(lastId, node.Name, BatchSize, cancellationToken);
            foreach (var message in batch.Messages)
            {
                await DispatchAsync(message, byTopic, cancellationToken);
            }

            lastId = batch.LastId;
        }
        while (batch.Full);

        return lastId;
    }

    private async Task DispatchAsync(ClusterMessage message, Dictionary<string, IClusterMessageHandler> byTopic, CancellationToken cancellationToken)
    {
        if (!byTopic.TryGetValue(message.Topic, out var handler))
        {
            // A newer node's topic during a rolling upgrade: nothing here knows it.
            LogUnknownTopic(message.Id, message.Topic, message.Origin);
            return;
        }

        try
        {
            await handler.HandleAsync(message.Payload, cancellationToken);
            LogHandled(message.Id, message.Topic, message.Origin);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(ex, message.Id, message.Topic, message.Origin);
        }
    }

    [LoggerMessage(EventId = 1781, Level = LogLevel.Debug, Message = "Cluster message {Id} ({Topic}) from {Origin} handled.")]
    private partial void LogHandled(long id, string topic, string origin);

    [LoggerMessage(EventId = 1782, Level = LogLevel.Warning, Message = "Cluster message {Id} from {Origin} has topic {Topic}, which no handler takes; skipped.")]
    private partial void LogUnknownTopic(long id, string topic, string origin);

    [LoggerMessage(EventId = 1783, Level = LogLevel.Error, Message = "Cluster message {Id} ({Topic}) from {Origin} failed; it is not retried.")]
    private partial void LogHandlerFailed(Exception exception, long id, string topic, string origin);

    [LoggerMessage(EventId = 1784, Level = LogLevel.Warning, Message = "Reading cluster messages failed; trying again every poll until it works.")]
    private partial void LogReadFailed(Exception exception);

    [LoggerMessage(EventId = 1788, Level = LogLevel.Information, Message = "Reading cluster messages again.")]
    private partial void LogReadingAgain();
}
