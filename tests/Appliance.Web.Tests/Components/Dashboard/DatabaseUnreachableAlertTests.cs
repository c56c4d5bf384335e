using Appliance.Web.Components.Pages.Dashboard;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Dashboard;

public sealed class DatabaseUnreachableAlertTests : BunitContext, IAsyncLifetime
{
    public DatabaseUnreachableAlertTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void The_dashboard_says_the_database_is_unreachable_and_which_revision_keeps_serving_only_while_it_is()
    {
        var reachable = Render<DatabaseUnreachableAlert>(parameters => parameters.Add(p => p.Since, null).Add(p => p.Revision, 7));
        Assert.Empty(reachable.FindAll("[data-testid=database-unreachable]"));

        var since = DateTimeOffset.Parse("2026-11-29T22:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var alert = Render<DatabaseUnreachableAlert>(parameters => parameters.Add(p => p.Since, since).Add(p => p.Revision, 7));
        var text = alert.Find("[data-testid=database-unreachable]").TextContent;
        Assert.Contains("Configuration database unreachable since", text, StringComparison.Ordinal);
        Assert.Contains("keeps serving configuration revision 7", text, StringComparison.Ordinal);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
