using Appliance.Data.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Decides which node sends the events that concern the whole installation (configuration changes,
/// certificates, nodes): the one holding the lease <c>alerts</c>, so that each is sent once
/// however many nodes run. One node on SQLite holds it at once. A holder cut off from the database
/// lets it go before it lapses; another node takes it within <see cref="RetryInterval"/> of its lapse.
/// </summary>
public sealed partial class AlertLease(LeaseStore leases, NodeIdentity node, TimeProvider time, ILogger<AlertLease> logger) : BackgroundService
{
    public const string LeaseName = "alerts";
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(10);

    private volatile bool _held;
    private volatile bool _firstAttemptDone;
    private volatile bool _heldSinceStart;

    /// <summary>Whether this node sends the installation-wide events now.</summary>
    public bool IsHeld => _held;

    /// <summary>Whether the first attempt to take the lease, as the node started, has been made.</summary>
    public bool FirstAttemptDone => _firstAttemptDone;

    /// <summary>
    /// Whether this node took the lease at its first attempt and has held it ever since: then nobody
    /// else sent anything since this node started, and what it saw at its start is still its baseline.
    /// </summary>
    public bool HeldSinceStart => _heldSinceStart;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                HeldLease? lease = null;
                try
                {
                    lease = await HeldLease.TryTakeAsync(leases, LeaseName, node.Name, TimeToLive, time, stoppingToken);
                    if (lease is not null)
                    {
                        // Held is said before the first attempt is: a source never sees the attempt
                        // done and the lease not held when it was taken.
                        _heldSinceStart = !_firstAttemptDone;
                        _held = true;
                    }
                }
                finally
                {
                    _firstAttemptDone = true;
                }

                await using var held = lease;
                if (lease is not null)
                {
                    LogTaken();
                    try
                    {
                        await Task.Delay(Timeout.InfiniteTimeSpan, time, lease.Lost);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                    finally
                    {
                        _held = false;
                        _heldSinceStart = false;
                    }

                    if (stoppingToken.IsCancellationRequested)
                    {
                        return;
                    }

                    LogLost();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away: try again later; whoever holds the lease keeps sending.
                _held = false;
            }

            try
            {
                await Task.Delay(RetryInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 3204, Level = LogLevel.Information, Message = "This node sends the installation-wide alerts (configuration, certificates, nodes): it holds the alerts lease.")]
    private partial void LogTaken();

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "This node lost the alerts lease; another node sends the installation-wide alerts.")]
    private partial void LogLost();
}
