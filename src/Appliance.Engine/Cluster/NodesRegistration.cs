using Appliance.Engine.DataPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Cluster;

/// <summary>
/// Nodes that know each other: the heartbeat that keeps this node's row in the registry, and the
/// directory the API, the dashboard and <c>/metrics</c> read the nodes from. Control plane only.
/// </summary>
internal static class NodesRegistration
{
    public static ApplianceEngineBuilder AddNodes(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<NodeOptions>(NodeOptions.SectionName);
        var services = engine.Services;
        services.AddSingleton<RevisionSightings>();
        services.AddSingleton<HeartbeatCounter>();
        services.AddSingleton<NodeDirectory>();
        services.AddSingleton<NodeForgetter>();
        services.AddSingleton<NodeAddresses>();
        services.AddSingleton<Metrics.IMetricsSource, NodeMetrics>();

        // Registered after the data plane: it stops first, so its last heartbeat never reads a stopped data plane.
        services.AddHostedService<NodeHeartbeat>();
        return engine;
    }
}
