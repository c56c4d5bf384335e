using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Alerts;

/// <summary>Two nodes on one PostgreSQL database whose heartbeats and alert checks run every second.</summary>
public sealed class AlertsCluster : ApplianceCluster
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Node:HeartbeatSeconds"] = "1",
        ["Appliance:Proxy:ConfigPollSeconds"] = "1",
        ["Appliance:Alerts:AuditPollSeconds"] = "1",
        ["Appliance:Alerts:CheckSeconds"] = "1",
        ["Appliance:Alerts:RetrySeconds"] = "1",
    };
}
