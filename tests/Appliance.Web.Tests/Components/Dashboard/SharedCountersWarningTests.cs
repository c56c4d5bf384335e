using Appliance.Data.Counters;
using Appliance.Web.Components.Pages.Dashboard;
using Bunit;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Dashboard;

public sealed class SharedCountersWarningTests : BunitContext, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public SharedCountersWarningTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Redis_configured_but_down_warns_that_limits_are_per_node_and_the_warning_goes_when_it_returns()
    {
        var status = new SharedCounterStatus(_clock, configured: true);
        var warning = Render<SharedCountersWarning>(parameters => parameters.Add(p => p.Status, status));

        var alert = warning.Find("[data-shared-counters-warning='down']");
        Assert.Contains("Shared counters unavailable: limits are per node until Redis returns", alert.TextContent);
        Assert.Contains("2030-01-02 03:04:05 UTC", alert.TextContent);

        status.MarkUp();
        warning.Render(parameters => parameters.Add(p => p.Status, status));
        Assert.Empty(warning.FindAll("[data-shared-counters-warning]"));
    }

    [Fact]
    public void Without_Redis_there_is_nothing_to_warn_about()
    {
        var warning = Render<SharedCountersWarning>(parameters => parameters.Add(p => p.Status, new SharedCounterStatus(_clock, configured: false)));

        Assert.Empty(warning.FindAll("[data-shared-counters-warning]"));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
