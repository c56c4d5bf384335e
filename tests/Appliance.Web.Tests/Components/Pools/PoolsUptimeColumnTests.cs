using Appliance.Data.Model;
using Appliance.Engine.Uptime;
using Appliance.Web.Components.Pages.Pools;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Pools;

public sealed class PoolsUptimeColumnTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public PoolsUptimeColumnTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Each_backend_shows_its_uptime_over_three_windows_and_a_labelled_timeline_beside_it()
    {
        var pools = new[] { new PoolSpec { Name = "web", Backends = [new BackendSpec { Address = "http://a" }, new BackendSpec { Address = "http://b" }] } };
        var timeline = new[]
        {
            new UptimeSegment(Now.AddHours(-24), Now.AddHours(-12), UptimeSegment.Unknown),
            new UptimeSegment(Now.AddHours(-12), Now.AddHours(-3), "Up"),
            new UptimeSegment(Now.AddHours(-3), Now, "Down"),
        };
        var uptime = new Dictionary<(string Pool, string Backend), BackendUptime>
        {
            [("web", "http://a")] = new("web", "http://a", "node-a", 75, 99.5, 99.876, [], timeline),
            [("web", "http://b")] = new("web", "http://b", "node-a", null, null, null, [], [new UptimeSegment(Now.AddHours(-24), Now, UptimeSegment.Unknown)]),
        };

        var table = Render<PoolsTable>(p => p.Add(t => t.Pools, pools).Add(t => t.Health, new Dictionary<(string, string), string>()).Add(t => t.Uptime, uptime));

        var a = table.Find("[data-uptime='http://a']");
        Assert.Equal("24 h 75 %", a.QuerySelector("[data-window='24h']")!.TextContent);
        Assert.Equal("7 d 99.5 %", a.QuerySelector("[data-window='7d']")!.TextContent);
        Assert.Equal("30 d 99.88 %", a.QuerySelector("[data-window='30d']")!.TextContent);
        var segments = a.QuerySelectorAll("[data-state]");
        Assert.Equal(["Unknown", "Up", "Down"], segments.Select(s => s.GetAttribute("data-state")));
        Assert.StartsWith("down ", segments[2].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("(3 h)", segments[2].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("width:12.5%", segments[2].GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal("Last 24 hours: unknown 12 h, up 9 h, down 3 h", a.QuerySelector("[data-testid=uptime-timeline]")!.GetAttribute("aria-label"));

        var b = table.Find("[data-uptime='http://b']");
        Assert.Equal("24 h —", b.QuerySelector("[data-window='24h']")!.TextContent);
    }

    [Fact]
    public void Without_uptime_figures_the_backends_are_listed_as_before()
    {
        var pools = new[] { new PoolSpec { Name = "web", Backends = [new BackendSpec { Address = "http://a" }] } };

        var table = Render<PoolsTable>(p => p.Add(t => t.Pools, pools).Add(t => t.Health, new Dictionary<(string, string), string>()));

        Assert.Single(table.FindAll("[data-backend='http://a']"));
        Assert.Empty(table.FindAll("[data-uptime]"));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
