using Appliance.Engine.Health;
using Appliance.Engine.Metrics;
using Appliance.Web.Components.Pages.Dashboard;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Dashboard;

public sealed class BackendHealthTableTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public BackendHealthTableTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void The_table_states_the_configured_passive_period_and_why_a_backend_is_out()
    {
        var report = new HealthReport(3, WindowStats.Empty, 0, [new PoolHealth("web", "RoundRobin", false, 0, WindowStats.Empty,
        [
            Backend("http://a", "Healthy", "Healthy", inRotation: true),
            Backend("http://b", "Unhealthy", "Unhealthy", inRotation: false),
        ])], [], PassiveReactivationSeconds: 12);

        var table = Render<BackendHealthTable>(parameters => parameters.Add(p => p.Report, report).Add(p => p.Now, Now));

        Assert.Contains("stays out of rotation for 12 s", table.Find("[data-testid='passive-reactivation']").TextContent, StringComparison.Ordinal);
        Assert.Equal("yes", table.Find("tr[data-backend='http://a'] [data-in-rotation]").TextContent);
        Assert.Equal("no (failed on live traffic; out for 12 s)", table.Find("tr[data-backend='http://b'] [data-in-rotation]").TextContent);
        Assert.Equal("30 s", table.Find("tr[data-backend='http://b'] td:nth-child(4)").TextContent);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static BackendHealth Backend(string address, string health, string passive, bool inRotation) =>
        new(address, 1, true, health, "Unknown", passive, inRotation, Now.AddSeconds(-30), 0, WindowStats.Empty);
}
