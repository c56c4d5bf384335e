using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Cluster;

/// <summary>One node on a PostgreSQL database of its own, heartbeating every second: a test may cut it off from that database.</summary>
public sealed class OneNodeCluster : ApplianceCluster
{
    protected override int NodeCount => 1;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Node:HeartbeatSeconds"] = "1",

        // The recovery line is information; the test defaults show warnings only.
        ["Logging:LogLevel:Appliance.Engine.Cluster"] = "Information",
    };
}
