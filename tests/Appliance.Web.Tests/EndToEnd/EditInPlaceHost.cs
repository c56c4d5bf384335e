using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>An appliance whose first administrator exists from the start, for walks that begin at sign-in.</summary>
public sealed class EditInPlaceHost : ApplianceHost
{
    public const string UserName = "ops";
    public const string Password = "edit in place passphrase";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Admin:InitialUser"] = UserName,
        ["Appliance:Admin:InitialPassword"] = Password,
    };
}
