using System.Reflection;
using Appliance.Data.Cluster;
using Appliance.Engine.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Cluster;

/// <summary>
/// Writes this node's row in the registry once both servers listen and then every
/// <c>Appliance:Node:HeartbeatSeconds</c>, on SQLite as on PostgreSQL. A failed heartbeat (the
/// database unreachable) is logged once per outage and tried again at the next interval: the node
/// keeps serving. A node that stops says nothing: to the others it looks exactly like a crash, and
/// it shows down after three silent intervals.
/// </summary>
internal sealed partial class NodeHeartbeat(
    NodeRegistry registry,
    NodeDirectory directory,
    NodeIdentity identity,
    NodeAddresses addresses,
    NodeOptions options,
    SnapshotStore snapshots,
    HeartbeatCounter counter,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<NodeHeartbeat> logger) : BackgroundService
{
    // The column holds 64 characters; an informational version with a long commit suffix is cut.
    private const int MaxVersionLength = 64;

    private static readonly string Version = ReadVersion();

    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private bool _failing;
    private bool _beaten;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Before the servers listen their addresses are unknown (and the data plane's state unreadable).
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.HeartbeatInterval, time);
        do
        {
            await BeatAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task BeatAsync(CancellationToken stoppingToken)
    {
        try
        {
            var report = directory.LocalReport();
            var record = new NodeRecord(identity.Name, addresses.Read(), Version, snapshots.AppliedRevision, _startedAt, time.GetUtcNow(), report.ToJson());
            if (await registry.BeatAsync(record, _beaten, stoppingToken))
            {
                counter.CountNameClash();
                LogNameClash(identity.Name, NodeIdentity.NameKey);
            }

            _beaten = true;
            await directory.ReadAsync(stoppingToken);
            if (_failing)
            {
                _failing = false;
                LogRecovered(identity.Name);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            counter.CountFailure();
            if (!_failing)
            {
                _failing = true;
                LogFailed(identity.Name, ex.GetType().Name, ex.Message);
            }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string ReadVersion()
    {
        var version = typeof(NodeHeartbeat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return version.Length <= MaxVersionLength ? version : version[..MaxVersionLength];
    }

    // The exception's message, never its data: a database error names the host, not the password.
    [LoggerMessage(EventId = 2901, Level = LogLevel.Warning, Message = "Node {Node} could not write its heartbeat ({Error}: {Reason}); it keeps serving and tries again every interval.")]
    private partial void LogFailed(string node, string error, string reason);

    [LoggerMessage(EventId = 2903, Level = LogLevel.Critical, Message = "Another process writes the heartbeat of node {Node}: two nodes share that name, so they share ACME leases and skip each other's cache purges. Give each node its own {Key}.")]
    private partial void LogNameClash(string node, string key);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Information, Message = "Node {Node} writes its heartbeat again.")]
    private partial void LogRecovered(string node);
}
