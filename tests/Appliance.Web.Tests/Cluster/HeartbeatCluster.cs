using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Cluster;

/// <summary>Two nodes that heartbeat and poll for revisions every second, so a silent node shows down in about three.</summary>
public sealed class HeartbeatCluster : ApplianceCluster
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Node:HeartbeatSeconds"] = "1",
        ["Appliance:Proxy:ConfigPollSeconds"] = "1",
    };
}
