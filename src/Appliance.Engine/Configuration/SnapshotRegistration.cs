using Appliance.Data.Cluster;
using Appliance.Data.Providers;
using Appliance.Data.Store;
using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Configuration;

/// <summary>
/// The live configuration: the snapshot store both servers read, the refresher that builds a
/// snapshot from each new revision (with every feature's plan compiler), YARP, fed from the
/// snapshots, and the step that gives each request its route's plan.
/// </summary>
internal static class SnapshotRegistration
{
    public static ApplianceEngineBuilder AddSnapshots(this ApplianceEngineBuilder engine)
    {
        engine.AddShared<SnapshotStore>()
            .AddShared<ConfigurationSourceStatus>()
            .Share<ConfigStore>()
            .Share<ConfigChangeSignal>();
        engine.Services.AddSingleton<Metrics.IMetricsSource, ConfigurationSourceMetrics>();

        // Several nodes: other nodes' changes arrive by NOTIFY, and the poll is there for the one that
        // got lost (a dropped listener connection), so it runs often enough to catch it within ~2 s.
        engine.Services.AddOptions<ProxyOptions>().PostConfigure<DatabaseOptions, ClusterOptions>((proxy, database, cluster) =>
            proxy.ConfigPollSeconds ??= database.IsShared
                ? (int)cluster.PollInterval.TotalSeconds
                : ProxyOptions.SingleNodePollSeconds);

        var dataPlane = engine.DataPlane;
        dataPlane.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<ProxyOptions>();
            return new SnapshotBuilderOptions
            {
                BackendTimeout = TimeSpan.FromSeconds(options.BackendTimeoutSeconds),
                PassiveReactivationPeriod = TimeSpan.FromSeconds(options.PassiveReactivationSeconds),
            };
        });
        dataPlane.AddSingleton<SnapshotBuilder>();
        dataPlane.AddSingleton<SnapshotRefresher>();
        dataPlane.AddHostedService(sp => sp.GetRequiredService<SnapshotRefresher>());

        // YARP takes its routes and clusters from the snapshots and says when one is live.
        dataPlane.AddRouting();
        dataPlane.AddReverseProxy();
        dataPlane.AddSingleton<IProxyConfigProvider, SnapshotProxyConfigProvider>();
        dataPlane.AddSingleton<IConfigChangeListener, AppliedRevisionListener>();
        return engine;
    }

    /// <summary>
    /// First in the proxy pipeline, right after YARP matched the route: puts the route's plan on
    /// the request, and every later step reads only that.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseRoutePlan(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<RoutePlanMiddleware>();
        return proxy;
    }
}
