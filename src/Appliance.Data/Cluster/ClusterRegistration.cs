using Appliance.Data.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Cluster;

/// <summary>Registers how the nodes on one database hear about each other: the bus, its reader and the NOTIFY listener.</summary>
internal static class ClusterRegistration
{
    /// <summary>After the migrator: the reader and the listener query tables it creates.</summary>
    public static IServiceCollection AddApplianceCluster(this IServiceCollection services, DatabaseOptions database, ClusterOptions options)
    {
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
