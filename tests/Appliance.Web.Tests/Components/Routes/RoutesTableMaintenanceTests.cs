using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Components.Pages.Routes;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>The routes page's maintenance switch: confirmed first, it changes only maintenance.enabled, through the store, audited; a chip shows it.</summary>
public sealed class RoutesTableMaintenanceTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>, IAsyncLifetime
{
    private string _pool = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        _pool = UniqueName("maint");
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = _pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task The_switch_asks_then_turns_maintenance_on_and_off_changing_nothing_else()
    {
        var route = await CreateRouteAsync();
        await SignInAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<RoutesPage>();
        page.WaitForElement($"input[data-maintenance-switch='{route.Name}']");
        Assert.Empty(page.FindAll($"[data-maintenance-chip='{route.Name}']"));

        page.Find($"input[data-maintenance-switch='{route.Name}']").Change(true);
        dialogs.WaitForAssertion(() => Assert.Contains($"Put route '{route.Name}' in maintenance?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Start maintenance").Click();

        page.WaitForElement($"[data-maintenance-chip='{route.Name}']");
        var on = (await Database.Store.Routes.GetAsync(route.Name))!;
        Assert.Equal(ConfigJson.Serialize(route with { Maintenance = route.Maintenance with { Enabled = true } }), ConfigJson.Serialize(on));
        var audit = await Database.Audit.GetLatestAsync(5);
        Assert.Contains(audit, e => e.EntityName == route.Name && e.Action == Appliance.Data.Entities.AuditAction.Update);

        page.Find($"input[data-maintenance-switch='{route.Name}']").Change(false);
        dialogs.WaitForAssertion(() => Assert.Contains($"End maintenance of route '{route.Name}'?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "End maintenance").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-maintenance-chip='{route.Name}']")));
        Assert.False((await Database.Store.Routes.GetAsync(route.Name))!.Maintenance.Enabled);
    }

    [Fact]
    public async Task Cancelling_the_question_changes_nothing()
    {
        var route = await CreateRouteAsync();
        await SignInAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<RoutesPage>();

        page.WaitForElement($"input[data-maintenance-switch='{route.Name}']").Change(true);
        dialogs.WaitForAssertion(() => Assert.Contains("Start maintenance", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        page.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("button")));
        Assert.False((await Database.Store.Routes.GetAsync(route.Name))!.Maintenance.Enabled);
        Assert.Empty(page.FindAll($"[data-maintenance-chip='{route.Name}']"));

        // The switch shows the stored state again, not the position it was flicked to.
        page.WaitForAssertion(() => Assert.Equal("false", page.Find($"input[data-maintenance-switch='{route.Name}']").GetAttribute("aria-checked")));
    }

    [Fact]
    public async Task A_viewer_sees_the_chip_and_a_read_only_switch()
    {
        var route = await CreateRouteAsync(enabled: true);
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
        var page = Render<RoutesPage>();

        page.WaitForElement($"[data-maintenance-chip='{route.Name}']");
        Assert.Equal("true", page.Find($"input[data-maintenance-switch='{route.Name}']").GetAttribute("aria-readonly"));
    }

    private async Task<RouteSpec> CreateRouteAsync(bool enabled = false)
    {
        var route = new RouteSpec
        {
            Name = UniqueName("site"),
            Path = "/" + UniqueName("p"),
            Targets = [new TargetSpec { Pool = _pool, Weight = 1 }],
            RequestHeaders = new HeaderRulesSpec { Set = new Dictionary<string, string> { ["X-Env"] = "prod" } },
            Maintenance = new MaintenanceSpec { Enabled = enabled, Allow = ["203.0.113.0/24"] },
        };
        var created = await Database.Store.Routes.CreateAsync(route, "test");
        Assert.True(created.Succeeded, created.Detail);
        return created.Value!;
    }
}
