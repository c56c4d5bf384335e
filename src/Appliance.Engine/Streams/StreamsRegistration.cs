using Appliance.Data.Store;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Streams;

/// <summary>
/// TCP streams: the streams' part of each snapshot, their listeners (opened and closed live), the
/// proxying of each connection, SNI passthrough on the HTTPS port (a connection step that
/// <c>DataPlaneKestrelSetup</c> puts before TLS), their figures for the dashboard and
/// <c>/metrics</c>, and the ports they may not take for the store's validation.
/// </summary>
internal static class StreamsRegistration
{
    public static ApplianceEngineBuilder AddStreams(this ApplianceEngineBuilder engine)
    {
        engine.AddShared<StreamStates>();
        var services = engine.Services;
        services.AddSingleton<StreamStatusReader>();
        services.AddSingleton<IMetricsSource, StreamMetrics>();
        services.AddSingleton<IReservedPorts, AppliancePorts>();

        var dataPlane = engine.DataPlane;
        dataPlane.AddSingleton<ISnapshotPartCompiler, StreamsPlanCompiler>();
        dataPlane.AddSingleton<StreamDestinationLoad>();
        dataPlane.AddSingleton<StreamDestinationPicker>();
        dataPlane.AddSingleton<StreamBackendConnector>();
        dataPlane.AddSingleton<StreamConnections>();
        dataPlane.AddSingleton<StreamProxy>();
        dataPlane.AddSingleton<SniPassthrough>();
        dataPlane.AddHostedService<StreamListeners>();
        return engine;
    }
}
