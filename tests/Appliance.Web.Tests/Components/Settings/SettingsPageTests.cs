using Appliance.Data.Hosting;
using Appliance.Engine.AccessLogging;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Routing;
using Appliance.Engine.Tls.Acme;
using Appliance.Web.Components.Pages.Settings;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Settings;

public sealed class SettingsPageTests : BunitContext
{
    [Theory]
    [InlineData(PathParameterMode.Strip, "Strip: removed before matching and forwarding")]
    [InlineData(PathParameterMode.Reject, "Reject: 400")]
    public void The_page_shows_how_path_parameters_are_handled(PathParameterMode mode, string shown)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(new ProxyOptions { PathParameters = mode });
        Services.AddSingleton(new AccessLogOptions());
        Services.AddSingleton(new AcmeOptions());
        Services.AddSingleton(new Appliance.Data.History.HistoryOptions(Appliance.Data.History.HistoryOptions.DefaultMaxRevisions));
        Services.AddSingleton(new DataDirectory(Path.GetTempPath()));
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        AddAuthorization().SetAuthorized("ops");

        var page = Render<SettingsPage>();

        var row = page.Find("tr[data-setting='Appliance:Proxy:PathParameters']");
        Assert.Contains(shown, row.TextContent, StringComparison.Ordinal);
    }
}
