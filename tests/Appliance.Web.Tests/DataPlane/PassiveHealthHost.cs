using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

/// <summary>The appliance with a passive reactivation period short enough to wait for, long enough to act within.</summary>
public sealed class PassiveHealthHost : ApplianceHost
{
    public const int ReactivationSeconds = 8;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Proxy:PassiveReactivationSeconds"] = ReactivationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
