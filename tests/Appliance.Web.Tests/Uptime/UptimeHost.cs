using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Uptime;

/// <summary>An appliance that writes its uptime history every second.</summary>
public sealed class UptimeHost : ApplianceHost
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Uptime:FlushSeconds"] = "1",
    };
}
