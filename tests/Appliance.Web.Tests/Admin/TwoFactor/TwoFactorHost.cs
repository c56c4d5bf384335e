using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Admin.TwoFactor;

/// <summary>The appliance with one Admin from configuration; the tests add the users they sign in as.</summary>
public sealed class TwoFactorHost : ApplianceHost
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Admin:InitialUser"] = "ops",
        ["Appliance:Admin:InitialPassword"] = "initial passphrase 1",
    };
}
