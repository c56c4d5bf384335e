using Appliance.Data.Hosting;
using Appliance.Engine.AccessLogging;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Mirroring;
using Appliance.Engine.Routing;
using Appliance.Engine.Tls.Acme;
using Appliance.Web.Components.Pages.Settings;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Settings;

// The configuration file section reads the store, so the page renders over a real database.
public sealed class SettingsPageTests(ConfigDatabase database) : BunitContext, IClassFixture<ConfigDatabase>
{
    [Theory]
    [InlineData(PathParameterMode.Strip, "Strip: removed before matching and forwarding")]
    [InlineData(PathParameterMode.Reject, "Reject: 400")]
    public void The_page_shows_how_path_parameters_are_handled(PathParameterMode mode, string shown)
    {
        var page = RenderPage(new ProxyOptions { PathParameters = mode }, new MirrorOptions());

        var row = page.Find("tr[data-setting='Appliance:Proxy:PathParameters']");
        Assert.Contains(shown, row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_shows_the_bounds_of_mirroring()
    {
        var page = RenderPage(new ProxyOptions(), new MirrorOptions { TimeoutSeconds = 3, MaxInFlight = 25, MaxBodyBytes = 8192 });

        Assert.Contains("3 s", page.Find("tr[data-setting='Appliance:Proxy:Mirror:TimeoutSeconds']").TextContent, StringComparison.Ordinal);
        Assert.Contains("25", page.Find("tr[data-setting='Appliance:Proxy:Mirror:MaxInFlight']").TextContent, StringComparison.Ordinal);
        Assert.Contains("8,192 bytes", page.Find("tr[data-setting='Appliance:Proxy:Mirror:MaxBodyBytes']").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<SettingsPage> RenderPage(ProxyOptions proxy, MirrorOptions mirror)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(proxy);
        Services.AddSingleton(mirror);
        Services.AddSingleton(new AccessLogOptions());
        Services.AddSingleton(new AcmeOptions());
        Services.AddSingleton(new Appliance.Data.History.HistoryOptions());
        Services.AddSingleton(new Appliance.Engine.Uptime.UptimeOptions());
        Services.AddSingleton(new Appliance.Engine.Alerts.AlertOptions());
        Services.AddSingleton(new DataDirectory(Path.GetTempPath()));
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddSingleton(database.Store);
        Services.AddSingleton(TimeProvider.System);
        AddAuthorization().SetAuthorized("ops");
        return Render<SettingsPage>();
    }
}
