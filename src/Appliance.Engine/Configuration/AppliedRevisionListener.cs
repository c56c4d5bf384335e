using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Configuration;

/// <summary>
/// Learns from YARP when a snapshot is really live (routes matched, clusters balanced) and when
/// YARP refused one, in which case it keeps serving the previous configuration.
/// </summary>
internal sealed partial class AppliedRevisionListener(SnapshotStore snapshots, ILogger<AppliedRevisionListener> logger) : IConfigChangeListener
{
    public void ConfigurationLoaded(IReadOnlyList<IProxyConfig> proxyConfigs)
    {
    }

    public void ConfigurationLoadingFailed(IProxyConfigProvider configProvider, Exception exception) =>
        LogFailed(exception, "load");

    public void ConfigurationApplied(IReadOnlyList<IProxyConfig> proxyConfigs)
    {
        foreach (var config in proxyConfigs)
        {
            if (config is SnapshotProxyConfig { Snapshot: var snapshot })
            {
                // From here the applied revision is reported live; the previous one stays held for requests matched on it.
                snapshots.MarkApplied(snapshot);
                LogLive(snapshot.Revision, config.Routes.Count, config.Clusters.Count);
            }
        }
    }

    public void ConfigurationApplyingFailed(IReadOnlyList<IProxyConfig> proxyConfigs, Exception exception) =>
        LogFailed(exception, "apply");

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Configuration revision {Revision} is live: {Routes} route(s), {Pools} pool(s).")]
    private partial void LogLive(long revision, int routes, int pools);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "The proxy could not {Step} a new configuration; the previous one keeps serving.")]
    private partial void LogFailed(Exception exception, string step);
}
