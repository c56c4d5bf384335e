using Appliance.Engine.Health;
using Appliance.Web.Components.Pages.Dashboard;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Dashboard;

public sealed class HealthEventsListTests : BunitContext, IAsyncLifetime
{
    public HealthEventsListTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Every_return_to_rotation_reads_came_back_and_a_first_verdict_does_not()
    {
        var at = DateTimeOffset.UnixEpoch;
        HealthEvent[] events =
        [
            new(at, "web", "http://probed", "Unhealthy", "Healthy"),
            new(at, "web", "http://unprobed", "Unhealthy", "Unknown"),
            new(at, "web", "http://down", "Healthy", "Unhealthy"),
            new(at, "web", "http://new", "Unknown", "Healthy"),
        ];

        var list = Render<HealthEventsList>(parameters => parameters.Add(p => p.Events, events));

        Assert.Equal("came back", list.Find("[data-health-event='http://probed'] .mud-chip").TextContent.Trim());
        Assert.Equal("came back", list.Find("[data-health-event='http://unprobed'] .mud-chip").TextContent.Trim());
        Assert.Equal("went down", list.Find("[data-health-event='http://down'] .mud-chip").TextContent.Trim());
        Assert.Equal("first check healthy", list.Find("[data-health-event='http://new'] .mud-chip").TextContent.Trim());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
