using MudBlazor;

namespace Appliance.Web.Components.Shared;

/// <summary>One colour per health state, the same on every page.</summary>
public static class HealthColors
{
    public static Color Of(string health) => health switch
    {
        "Healthy" => Color.Success,
        "Unhealthy" => Color.Error,
        _ => Color.Default,
    };
}
