using Appliance.Data.Model;
using Appliance.Engine.Warnings;
using Appliance.Web.Components.Pages.Routes;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>The routes page as a Viewer sees it: the maintenance chip and a read-only switch, and the warnings as for anyone.</summary>
[Collection(LivePages.Name)]
public sealed class RoutesPageViewerTests(ApplianceHost host) : HostedFormContext(host)
{
    protected override string Role => ApplianceRoles.Viewer;

    [Fact]
    public async Task A_viewer_sees_the_chip_a_read_only_switch_and_the_routes_warnings()
    {
        var route = await MaintenanceRoutes.CreateAsync(Store, enabled: true);
        var empty = UniqueName("empty");
        await PostAsync("/api/v1/pools", new { name = empty, backends = Array.Empty<object>() });
        var broken = UniqueName("broken");
        await PostAsync("/api/v1/routes", new { name = broken, path = $"/{broken}", targets = new[] { new { pool = empty } } });
        await Host.WaitForLiveConfigAsync();

        var page = Render<RoutesPage>();

        page.WaitForElement($"[data-maintenance-chip='{route.Name}']");
        Assert.Equal("true", page.Find($"input[data-maintenance-switch='{route.Name}']").GetAttribute("aria-readonly"));
        page.WaitForElement($"[data-route='{broken}'] [data-object-warning='{SetupWarningKinds.RouteWithoutEnabledBackend}']");
    }
}
