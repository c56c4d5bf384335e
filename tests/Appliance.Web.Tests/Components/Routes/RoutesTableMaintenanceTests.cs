using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Components.Pages.Routes;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>
/// The routes page's maintenance switch: confirmed first, it changes only maintenance.enabled, through
/// the store, audited; a chip shows it. The page follows live warnings, so it renders against a
/// running appliance, and each find and fire happens in one dispatcher turn (a tick can re-render between).
/// </summary>
[Collection(FormRoundTrips.Name)]
public sealed class RoutesTableMaintenanceTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task The_switch_asks_then_turns_maintenance_on_and_off_changing_nothing_else()
    {
        var route = await MaintenanceRoutes.CreateAsync(Store);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<RoutesPage>();
        page.WaitForElement($"input[data-maintenance-switch='{route.Name}']");
        Assert.Empty(page.FindAll($"[data-maintenance-chip='{route.Name}']"));

        await page.InvokeAsync(() => page.Find($"input[data-maintenance-switch='{route.Name}']").Change(true));
        dialogs.WaitForAssertion(() => Assert.Contains($"Put route '{route.Name}' in maintenance?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Start maintenance").Click());

        page.WaitForElement($"[data-maintenance-chip='{route.Name}']");
        var on = (await Store.Routes.GetAsync(route.Name))!;
        Assert.Equal(ConfigJson.Serialize(route with { Maintenance = route.Maintenance with { Enabled = true } }), ConfigJson.Serialize(on));
        var audit = await Host.App.Services.GetRequiredService<Appliance.Data.Auditing.AuditLog>().GetLatestAsync(5);
        Assert.Contains(audit, e => e.EntityName == route.Name && e.Action == Appliance.Data.Entities.AuditAction.Update);

        await page.InvokeAsync(() => page.Find($"input[data-maintenance-switch='{route.Name}']").Change(false));
        dialogs.WaitForAssertion(() => Assert.Contains($"End maintenance of route '{route.Name}'?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "End maintenance").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-maintenance-chip='{route.Name}']")));
        Assert.False((await Store.Routes.GetAsync(route.Name))!.Maintenance.Enabled);
    }

    [Fact]
    public async Task Cancelling_the_question_changes_nothing()
    {
        var route = await MaintenanceRoutes.CreateAsync(Store);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<RoutesPage>();

        page.WaitForElement($"input[data-maintenance-switch='{route.Name}']");
        await page.InvokeAsync(() => page.Find($"input[data-maintenance-switch='{route.Name}']").Change(true));
        dialogs.WaitForAssertion(() => Assert.Contains("Start maintenance", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click());

        page.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("button")));
        Assert.False((await Store.Routes.GetAsync(route.Name))!.Maintenance.Enabled);
        Assert.Empty(page.FindAll($"[data-maintenance-chip='{route.Name}']"));

        // The switch shows the stored state again, not the position it was flicked to.
        page.WaitForAssertion(() => Assert.Equal("false", page.Find($"input[data-maintenance-switch='{route.Name}']").GetAttribute("aria-checked")));
    }
}
