using MudBlazor;

namespace Appliance.Web.Components.Layout;

/// <summary>The admin site's colours, light and dark.</summary>
public static class ApplianceTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00897b",
            AppbarBackground = "#0d2f57",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            Secondary = "#4db6ac",
            AppbarBackground = "#111827",
        },
    };
}
