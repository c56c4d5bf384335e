using Appliance.Data.Hosting;
using Appliance.Data.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Cluster;

/// <summary>
/// Registers what nodes on one database share: who this node is, the node registry, leases, ACME
/// challenge answers, and how nodes hear about each other (the bus, its reader and the NOTIFY listener).
/// </summary>
internal static class ClusterRegistration
{
    /// <summary>After the migrator: the reader and the listener query tables it creates.</summary>
    public static IServiceCollection AddApplianceCluster(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddSingleton(NodeIdentity.FromConfiguration(configuration));
        services.AddSingleton<NodeRegistry>();
        services.AddSingleton<LeaseStore>();
        services.AddSingleton<AcmeChallengeStore>();
        services.AddDataSettings<ClusterOptions, ClusterOptionsValidator>(configuration, ClusterOptions.Section);
        services.AddSingleton<ClusterMessageSignal>();
        services.AddSingleton<ClusterMessageStore>();
        if (!database.IsShared)
        {
            services.AddSingleton<IClusterBus, LocalClusterBus>();
            return services;
        }

        services.AddSingleton<IClusterBus, DatabaseClusterBus>();
        services.AddHostedService<ClusterMessageReader>();

        // Registered whatever Notifications says (it is known once the settings are bound): with
        // false it returns at once and polling alone finds other nodes' changes.
        services.AddHostedService<ClusterNotificationListener>();

        return services;
    }
}
