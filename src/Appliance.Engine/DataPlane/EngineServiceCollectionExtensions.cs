using Appliance.Engine.AccessLogging;
using Appliance.Engine.Alerts;
using Appliance.Engine.Caching;
using Appliance.Engine.Challenge;
using Appliance.Engine.Cluster;
using Appliance.Engine.Configuration;
using Appliance.Engine.CustomErrorPages;
using Appliance.Engine.DataPlane;
using Appliance.Engine.GeoIp;
using Appliance.Engine.HeaderRules;
using Appliance.Engine.Health;
using Appliance.Engine.LoadBalancing;
using Appliance.Engine.Maintenance;
using Appliance.Engine.Metrics;
using Appliance.Engine.Mirroring;
using Appliance.Engine.Routing;
using Appliance.Engine.Security;
using Appliance.Engine.Security.Bans;
using Appliance.Engine.Security.Shield;
using Appliance.Engine.Security.TurnedAway;
using Appliance.Engine.Streams;
using Appliance.Engine.Tls;
using Appliance.Engine.Tls.Acme;
using Appliance.Engine.PoolLimits;
using Appliance.Engine.Uptime;
using Appliance.Engine.Warnings;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the engine: every feature registers itself, in both servers' containers.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the data plane (started as a hosted service) and the singletons that the control plane
    /// reads: snapshot, traffic metrics, health events and the health reader.
    /// Settings are bound with the options pattern and checked when the host starts
    /// (<c>ValidateOnStart</c>); every problem names its configuration key.
    /// </summary>
    public static IServiceCollection AddApplianceEngine(this IServiceCollection services, IConfiguration configuration)
    {
        new ApplianceEngineBuilder(services, configuration)
            .AddProxySettings()
            .AddSnapshots()
            .AddMetrics()
            .AddAccessLogging()
            .AddSecurity()
            .AddRouting()
            .AddTls()
            .AddGeoIp()
            .AddTurnedAway()
            .AddShield()
            .AddBans()
            .AddHeaderRules()
            .AddMaintenance()
            .AddChallenge()
            .AddCustomErrorPages()
            .AddCaching()
            .AddLoadBalancing()
            .AddMirroring()
            .AddPoolLimits()
            .AddHealth()
            .AddStreams()
            .AddWarnings()

            // Hosted services start in this order and stop in reverse: the data plane starts after
            // the access log's writer and stops before it, so requests that finish while it drains
            // are still written.
            .AddDataPlaneHost()

            // After the data plane: HTTP-01 answers need it listening.
            .AddAcme()

            // After the data plane: a heartbeat reports where it listens and what it serves.
            .AddNodes()

            // After the data plane and the nodes: the writer's last flush still sees the data
            // plane's backends, and node alerts read the node list.
            .AddUptime()
            .AddAlerts();
        return services;
    }
}
