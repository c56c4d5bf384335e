using Appliance.Engine.Warnings;

namespace Appliance.Web.Components.Warnings;

/// <summary>Where the object a warning names is shown, and the few words a table says for each kind.</summary>
public static class WarningLinks
{
    /// <summary>The admin page that lists the warning's object.</summary>
    public static string PageOf(SetupWarning warning) => SetupWarningKinds.ObjectTypeOf(warning.Kind) == "pool" ? "/pools" : "/routes";

    /// <summary>The link's text: which object, on which page.</summary>
    public static string LinkText(SetupWarning warning) =>
        $"{SetupWarningKinds.ObjectTypeOf(warning.Kind)} {warning.Object} on the {(PageOf(warning) == "/pools" ? "Pools" : "Routes")} page";

    /// <summary>What a chip beside the object says; the whole sentence is its tooltip.</summary>
    public static string ShortText(SetupWarning warning) => warning.Kind switch
    {
        SetupWarningKinds.PoolWithoutEnabledBackend => "no enabled backend",
        SetupWarningKinds.RouteWithoutEnabledBackend => "no enabled backend",
        SetupWarningKinds.RouteWithoutHealthyBackend => "no healthy backend",
        SetupWarningKinds.RouteCertificateMissing => "certificate missing",
        SetupWarningKinds.RouteCertificateExpired => "certificate expired",
        _ => "warning",
    };
}
