using Appliance.Engine.Metrics;
using Appliance.Engine.Mirroring;
using Appliance.Web.Components.Pages.Dashboard;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Dashboard;

public sealed class MirroringSectionTests : BunitContext
{
    public MirroringSectionTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Each_mirrored_route_shows_its_share_copies_and_the_shadow_beside_the_primary()
    {
        var shadow = new WindowStats(40, 0.7, 0.25, 3.1, 48.2, 0, 28, 0, 2, 10);
        var primary = new WindowStats(400, 6.7, 0, 1.2, 4.6, 0, 400, 0, 0, 0);
        var status = new MirroredRouteStatus("shop", "shop-next", 12.5m, 1_234, 17, 3, 2, 5, shadow, primary);

        var section = Render<MirroringSection>(p => p.Add(s => s.Routes, [status]));

        var row = section.Find("tr[data-mirror='shop']");
        Assert.Contains("12.5 % to shop-next", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1,234", row.QuerySelector("[data-sent]")!.TextContent);
        Assert.Equal("17", row.QuerySelector("[data-dropped]")!.TextContent);
        Assert.Equal("3", row.QuerySelector("[data-skipped]")!.TextContent);
        Assert.Equal("2 / 5", row.QuerySelector("[data-failed]")!.TextContent);
        Assert.Equal("shadow: 28 / 2 / 10", row.QuerySelector("[data-shadow]")!.TextContent);
        Assert.Equal("3.1 / 48.2 ms", row.QuerySelector("[data-shadow-latency]")!.TextContent);
        Assert.Equal("primary: 400 / 0 / 0", section.Find("[data-primary]").TextContent);
        Assert.Equal("1.2 / 4.6 ms", section.Find("[data-primary-latency]").TextContent);
    }

    [Fact]
    public void A_shadow_without_answers_shows_no_latency_and_no_route_shows_nothing()
    {
        var status = new MirroredRouteStatus("quiet", "shadow", 1, 0, 0, 0, 0, 0, WindowStats.Empty, WindowStats.Empty);

        Assert.Equal("–", Render<MirroringSection>(p => p.Add(s => s.Routes, [status])).Find("[data-shadow-latency]").TextContent);
        Assert.Empty(Render<MirroringSection>(p => p.Add(s => s.Routes, [])).FindAll("[data-testid=mirroring]"));
    }
}
