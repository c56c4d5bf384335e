using Appliance.Data.Cluster;
using Appliance.Data.Uptime;
using Appliance.Engine.DataPlane;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;

namespace Appliance.Engine.Uptime;

/// <summary>
/// Writes the health history in the background: every <see cref="UptimeOptions.FlushSeconds"/> the
/// queued transitions in one batch, with this run's "still running" mark, and once in a while it
/// removes what retention no longer keeps. When the database cannot be reached a batch is dropped
/// and counted and the outage logged once: the queue stays bounded and nothing waits.
/// </summary>
internal sealed partial class UptimeWriter(
    UptimeRecorder recorder,
    UptimeStore store,
    UptimeRun run,
    UptimeCounters counters,
    UptimeOptions options,
    NodeIdentity node,
    DataPlaneHost dataPlane,
    TimeProvider time,
    ILogger<UptimeWriter> logger) : BackgroundService
{
    private const int MaxBatch = 1000;
    private static readonly TimeSpan StopFlushTimeout = TimeSpan.FromSeconds(5);

    private bool _failing;
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.FlushInterval, time);
        try
        {
            do
            {
                await FlushAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // What changed up to the stop, and that this run lasted until now: the next run's history
        // then starts exactly where this one ended.
        using var timeout = new CancellationTokenSource(StopFlushTimeout);
        try
        {
            await FlushAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        Sweep();
        var batch = new List<PendingTransition>();
        while (batch.Count < MaxBatch && recorder.Pending.TryRead(out var transition))
        {
            batch.Add(transition);
        }

        try
        {
            var now = time.GetUtcNow();
            if (run.SessionId is not { } sessionId)
            {
                sessionId = await store.StartSessionAsync(node.Name, now, cancellationToken);
                run.Started(sessionId);
            }

            await store.AppendAsync(sessionId, batch.Select(t => new HealthTransition(sessionId, node.Name, t.Pool, t.Backend, t.At, t.State, t.Source, t.Reason)).ToArray(), now, cancellationToken);
            counters.AddWritten(batch.Count);
            if (_failing)
            {
                _failing = false;
                LogRecovered();
            }

            if (now >= _nextPrune)
            {
                _nextPrune = now + options.PruneInterval;
                var removed = await store.PruneAsync(now - options.Retention, cancellationToken);
                if (removed > 0)
                {
                    LogPruned(removed, options.RetentionDays);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            counters.AddDroppedDatabase(batch.Count);
            if (!_failing)
            {
                _failing = true;
                LogWriteFailed(batch.Count, ex.GetType().Name);
            }
        }
    }

    // Backends that left the data plane's configuration are unobserved from now on.
    private void Sweep()
    {
        IProxyStateLookup proxyState;
        try
        {
            proxyState = dataPlane.Services.GetRequiredService<IProxyStateLookup>();
        }
        catch (InvalidOperationException)
        {
            // Not started yet, or stopped: nothing to compare with.
            return;
        }

        recorder.Sweep(proxyState.GetClusters().SelectMany(cluster => cluster.Destinations.Values.Select(d => (cluster.ClusterId, d))));
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Uptime history cannot be written ({Error}); {Count} transition(s) dropped. Further failures are counted in /metrics (appliance_uptime_transitions_dropped_total) until the database is back.")]
    private partial void LogWriteFailed(int count, string error);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Uptime history is written again.")]
    private partial void LogRecovered();

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Uptime history: removed {Count} row(s) older than {Days} days.")]
    private partial void LogPruned(int count, int days);
}
