using Appliance.Data.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Configuration;

/// <summary>
/// Keeps the live snapshot at the database's revision. It wakes on the store's in-process signal
/// and, as a fallback that also serves several nodes on one database, polls the revision row.
/// A snapshot that fails to build or that YARP refuses is logged and never goes live.
/// </summary>
internal sealed partial class SnapshotRefresher(
    ConfigStore configStore,
    ConfigChangeSignal changeSignal,
    SnapshotStore snapshots,
    SnapshotBuilder builder,
    Metrics.TrafficMetrics metrics,
    IConfigValidator yarpValidator,
    DataPlane.ProxyOptions options,
    Appliance.Data.Certificates.CertificateStore certificateStore,
    Tls.Sni.CertificateSetBuilder certificateSetBuilder,
    Tls.Sni.CertificateSetStore certificateSets,
    ConfigurationSourceStatus sourceStatus,
    TimeProvider time,
    ILogger<SnapshotRefresher> logger) : BackgroundService
{
    // A refused revision is reported once, not at every poll until the next change.
    private long _refusedRevision = -1;

    // An outage is reported when it starts and when it ends, not at every poll in between.
    private bool _failing;

    /// <summary>Loads the first snapshot before the data plane maps its routes; on failure it serves nothing rather than not starting.</summary>
    public async Task LoadInitialAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _failing = true;
            if (Appliance.Data.Providers.DatabaseOutage.IsCause(ex))
            {
                sourceStatus.Unreachable(time.GetUtcNow());
            }

            LogInitialLoadFailed(ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pollInterval = options.ConfigPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await changeSignal.WaitAsync(pollInterval, stoppingToken);
                var revision = await configStore.GetRevisionAsync(stoppingToken);
                if (revision != snapshots.Current.Revision && revision != _refusedRevision)
                {
                    await RefreshAsync(stoppingToken);
                }

                if (_failing)
                {
                    _failing = false;
                    sourceStatus.Reachable();
                    LogRefreshRecovered(snapshots.Current.Revision);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (Appliance.Data.Providers.DatabaseOutage.IsCause(ex))
                {
                    sourceStatus.Unreachable(time.GetUtcNow());
                }

                if (_failing)
                {
                    LogRefreshStillFailing(ex.GetType().Name, snapshots.Current.Revision);
                }
                else
                {
                    _failing = true;
                    LogRefreshFailed(ex, snapshots.Current.Revision);
                }

                // Do not spin on a broken database; the next signal or poll tries again.
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var (revision, document) = await configStore.ReadAsync(cancellationToken);
        var snapshot = builder.Build(document, revision);
        var problems = await ValidateAsync(snapshot, cancellationToken);
        if (problems.Count > 0)
        {
            _refusedRevision = revision;
            LogSnapshotRefused(revision, string.Join("; ", problems.Select(p => p.Message)), snapshots.Current.Revision);
            return;
        }

        // Certificates belong to the same revision: a new or renewed one is served from the next handshake.
        certificateSets.Swap(certificateSetBuilder.Build(await certificateStore.GetServableAsync(cancellationToken), document.Routes));
        snapshots.Swap(snapshot);
        metrics.RetainOnly(Metrics.ProxySnapshotNames.Of(snapshot));
        LogSnapshotBuilt(revision, snapshot.Routes.Count, snapshot.Clusters.Count);
    }

    private async Task<List<Exception>> ValidateAsync(ProxySnapshot snapshot, CancellationToken cancellationToken)
    {
        var problems = new List<Exception>();
        foreach (var route in snapshot.Routes)
        {
            problems.AddRange(await yarpValidator.ValidateRouteAsync(route));
        }

        foreach (var cluster in snapshot.Clusters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            problems.AddRange(await yarpValidator.ValidateClusterAsync(cluster));
        }

        return problems;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Configuration revision {Revision} built: {Routes} route(s), {Pools} pool(s).")]
    private partial void LogSnapshotBuilt(long revision, int routes, int pools);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Configuration revision {Revision} was refused ({Problems}); revision {LiveRevision} keeps serving.")]
    private partial void LogSnapshotRefused(long revision, string problems, long liveRevision);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Reading the configuration failed; revision {LiveRevision} keeps serving.")]
    private partial void LogRefreshFailed(Exception exception, long liveRevision);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Reading the configuration still fails ({Error}); revision {LiveRevision} keeps serving.")]
    private partial void LogRefreshStillFailing(string error, long liveRevision);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Reading the configuration works again; revision {LiveRevision} is current.")]
    private partial void LogRefreshRecovered(long liveRevision);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Critical, Message = "The first configuration could not be loaded; the data plane starts with no routes until a change loads.")]
    private partial void LogInitialLoadFailed(Exception exception);
}
