using System.Net;
using Appliance.Engine.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Health;

/// <summary>
/// Active health checks without an HTTP path: every interval, each backend of the pool is probed by
/// opening a TCP connection to it (and closing it at once); one accepted within the timeout passes.
/// YARP's monitor only sends HTTP requests, so pools of databases or other TCP services behind
/// streams are probed here. The results go through the same policy as YARP's probes
/// (<see cref="ConsecutiveResultsHealthPolicy"/>: the thresholds, the log lines, the health events).
/// It also keeps the active health of pools without any probe at Unknown, so that a probe that was
/// removed leaves nothing stale behind (see <see cref="InRotationDestinationsPolicy"/>).
/// </summary>
internal sealed partial class TcpHealthProber(
    SnapshotStore snapshots,
    IProxyStateLookup proxyState,
    IEnumerable<IActiveHealthCheckPolicy> policies,
    IDestinationHealthUpdater healthUpdater,
    TimeProvider time,
    ILogger<TcpHealthProber> logger) : BackgroundService
{
    // Pools are looked at this often; each is probed at its own interval.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly IActiveHealthCheckPolicy _policy = policies.Single(p => p.Name == HealthCheckNames.ActivePolicy);
    private readonly Dictionary<string, long> _nextProbe = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            do
            {
                Look(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(_running.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void Look(CancellationToken stoppingToken)
    {
        var now = time.GetTimestamp();
        var pools = snapshots.Serving.Pools;
        foreach (var pool in pools)
        {
            if (!proxyState.TryGetCluster(pool.Name, out var cluster))
            {
                continue;
            }

            if (pool.HealthCheck is null)
            {
                ForgetActiveHealth(cluster);
                continue;
            }

            // An HTTP path is YARP's to probe.
            if (pool.HealthCheck.Path is not null
                || (_running.TryGetValue(pool.Name, out var round) && !round.IsCompleted)
                || _nextProbe.GetValueOrDefault(pool.Name) > now)
            {
                continue;
            }

            var interval = TimeSpan.FromSeconds(pool.HealthCheck.IntervalSeconds);
            var timeout = TimeSpan.FromSeconds(pool.HealthCheck.TimeoutSeconds);
            _nextProbe[pool.Name] = now + (long)(interval.TotalSeconds * time.TimestampFrequency);
            _running[pool.Name] = ProbeAsync(cluster, timeout, stoppingToken);
        }

        // Pools that are gone are forgotten; one added again is probed at once.
        foreach (var name in _nextProbe.Keys.Where(n => !pools.Any(p => p.Name == n)).ToArray())
        {
            _nextProbe.Remove(name);
            _running.Remove(name);
        }
    }

    private async Task ProbeAsync(ClusterState cluster, TimeSpan timeout, CancellationToken stoppingToken)
    {
        try
        {
            var destinations = cluster.Destinations.Values.ToArray();
            var results = await Task.WhenAll(destinations.Select(d => ProbeOneAsync(d, timeout, stoppingToken)));
            if (!stoppingToken.IsCancellationRequested)
            {
                _policy.ProbingCompleted(cluster, results);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogProbeRoundFailed(ex, cluster.ClusterId);
        }
    }

    private static async Task<DestinationProbingResult> ProbeOneAsync(DestinationState destination, TimeSpan timeout, CancellationToken stoppingToken)
    {
        if (BackendEndpoint.Of(destination.Model.Config.Address) is not { } endpoint)
        {
            return new DestinationProbingResult(destination, null, new ArgumentException("The address names no host and port."));
        }

        try
        {
            using var socket = await TcpConnect.ConnectAsync(endpoint, timeout, stoppingToken);

            // The policy judges HTTP answers: an accepted connection is told to it as a 200.
            return new DestinationProbingResult(destination, new HttpResponseMessage(HttpStatusCode.OK), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            return new DestinationProbingResult(destination, null, ex);
        }
    }

    private void ForgetActiveHealth(ClusterState cluster)
    {
        List<NewActiveDestinationHealth>? reset = null;
        foreach (var destination in cluster.Destinations.Values)
        {
            if (destination.Health.Active != DestinationHealth.Unknown)
            {
                (reset ??= []).Add(new NewActiveDestinationHealth(destination, DestinationHealth.Unknown));
            }
        }

        if (reset is not null)
        {
            healthUpdater.SetActive(cluster, reset);
        }
    }

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "TCP health probes of pool {Pool} failed to run.")]
    private partial void LogProbeRoundFailed(Exception exception, string pool);
}
