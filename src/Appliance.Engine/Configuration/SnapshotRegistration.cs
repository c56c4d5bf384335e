using Appliance.Data.Store;
using Appliance.Engine.DataPlane;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Configuration;

/// <summary>
/// The live configuration: the snapshot store both servers read, the refresher that builds a
/// snapshot from each new revision, and YARP, fed from the snapshots.
/// </summary>
internal static class SnapshotRegistration
{
    public static ApplianceEngineBuilder AddSnapshots(this ApplianceEngineBuilder engine)
    {
        engine.AddShared<SnapshotStore>()
            .Share<ConfigStore>()
            .Share<ConfigChangeSignal>();

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
}
