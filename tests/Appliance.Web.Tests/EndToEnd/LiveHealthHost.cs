using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>An appliance whose first Admin comes from configuration, so that a browser walk starts at sign-in.</summary>
public sealed class LiveHealthHost : ApplianceHost
{
    public const string UserName = "ops";
    public const string Password = "live health passphrase 3";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Admin:InitialUser"] = UserName,
        ["Appliance:Admin:InitialPassword"] = Password,
    };
}
