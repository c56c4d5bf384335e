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
        var options = ClusterOptions.FromConfiguration(configuration);
        services.AddSingleton(NodeIdentity.FromConfiguration(configuration));
        services.AddSingleton<NodeRegistry>();
        services.AddSingleton<LeaseStore>();
        services.AddSingleton<AcmeChallengeStore>();
        services.AddSingleton(options);
        services.AddSingleton<ClusterMessageSignal>();
        services.AddSingleton<ClusterMessageStore>();
        if (!database.IsShared)
        {
            services.AddSingleton<IClusterBus, LocalClusterBus>();
            return services;
        }

        services.AddSingleton<IClusterBus, DatabaseClusterBus>();
        services.AddHostedService<ClusterMessageReader>();
        if (options.Notifications)
        {
            services.AddHostedService<ClusterNotificationListener>();
        }

        return services;
    }
}
