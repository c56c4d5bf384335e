using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

/// <summary>The appliance with a passive reactivation period short enough to wait for, long enough to act within.</summary>
public sealed class PassiveHealthHost : ApplianceHost
{
    // Long enough for a backend held out by live traffic to have its probes fail and pass again
    // (two or three 1-second probe rounds) before it returns, with room for a loaded two-core runner.
    public const int ReactivationSeconds = 12;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Proxy:PassiveReactivationSeconds"] = ReactivationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
