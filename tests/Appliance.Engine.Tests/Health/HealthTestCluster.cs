using System.Globalization;
using Appliance.Engine.Health;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Tests.Health;

/// <summary>A YARP cluster state with destinations, as the data plane would hold for a pool.</summary>
internal static class HealthTestCluster
{
    public static ClusterState Create(string pool, TimeSpan reactivation, int unhealthyAfter, int healthyAfter, params string[] addresses)
    {
        var config = new ClusterConfig
        {
            ClusterId = pool,
            HealthCheck = new HealthCheckConfig { Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = HealthCheckNames.PassivePolicy, ReactivationPeriod = reactivation } },
            Metadata = new Dictionary<string, string>
            {
                [HealthCheckNames.UnhealthyAfterMetadata] = unhealthyAfter.ToString(CultureInfo.InvariantCulture),
                [HealthCheckNames.HealthyAfterMetadata] = healthyAfter.ToString(CultureInfo.InvariantCulture),
            },
        };
        var cluster = new ClusterState(pool, new ClusterModel(config, new HttpMessageInvoker(new SocketsHttpHandler())));
        foreach (var address in addresses)
        {
            cluster.Destinations[address] = new DestinationState(address, new DestinationModel(new DestinationConfig { Address = address }));
        }

        return cluster;
    }
}
