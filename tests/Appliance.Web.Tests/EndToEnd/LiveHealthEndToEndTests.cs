using System.Text.RegularExpressions;
using Appliance.Engine.Warnings;
using Appliance.Web.Tests.Alerts;
using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// Live pages in a real browser: the Pools page shows a real backend going down when its Kestrel
/// host stops, and coming back when it starts again on the same port, without a reload, in word and
/// colour; a route to an empty pool is warned about on the dashboard and beside the route.
/// </summary>
public sealed class LiveHealthEndToEndTests(LiveHealthHost host) : IClassFixture<LiveHealthHost>, IAsyncLifetime
{
    private RestartableBackend[] _backends = [];

    public async Task InitializeAsync() => _backends = await Task.WhenAll(RestartableBackend.StartAsync(), RestartableBackend.StartAsync());

    public async Task DisposeAsync()
    {
        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_stopped_backend_turns_unhealthy_and_healthy_again_on_the_open_pools_page_and_an_empty_pool_is_warned_about()
    {
        await using var browser = await BrowserSession.StartAsync(host.Api.BaseAddress!);
        try
        {
            await WalkThroughAsync(browser);
        }
        catch
        {
            await browser.ScreenshotAsync("live-health-failure");
            await File.WriteAllLinesAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "live-health-failure-console.txt"), browser.ConsoleMessages);
            await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "live-health-failure.html"), await browser.Page.ContentAsync());
            throw;
        }
    }

    private async Task WalkThroughAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await page.GotoAsync("/login");
        await page.FillAsync("input[name='Input.UserName']", LiveHealthHost.UserName);
        await page.FillAsync("input[name='Input.Password']", LiveHealthHost.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync($"{LiveHealthHost.UserName} (Admin)");

        // A pool of the two real backends, probed every second.
        await host.AddPoolAsync(new
        {
            name = "live",
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = _backends.Select(b => new { address = b.Address }).ToArray(),
        });
        await host.WaitForLiveConfigAsync();

        await browser.OpenAsync("/pools");
        var first = page.Locator($"td[data-pool='live'] ~ td [data-backend='{_backends[0].Address}']");
        var second = page.Locator($"[data-backend='{_backends[1].Address}']");
        await Assertions.Expect(first).ToHaveAttributeAsync("data-health", "Healthy");
        await Assertions.Expect(second).ToHaveAttributeAsync("data-health", "Healthy");
        await Assertions.Expect(second).ToContainTextAsync("Healthy");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        // Its Kestrel host stopped and disposed: the chip says so, in word and colour, on the page as it is.
        await _backends[1].StopAsync();
        await Assertions.Expect(second).ToHaveAttributeAsync("data-health", "Unhealthy", new() { Timeout = 15_000 });
        await Assertions.Expect(second).ToContainTextAsync("Unhealthy");
        await Assertions.Expect(second).ToHaveClassAsync(new Regex("mud-chip-color-error"));
        await Assertions.Expect(first).ToHaveAttributeAsync("data-health", "Healthy");
        await browser.ScreenshotAsync("pools-live-down");

        // Started again on the same port: healthy again, still without a reload.
        await _backends[1].StartAgainAsync();
        await Assertions.Expect(second).ToHaveAttributeAsync("data-health", "Healthy", new() { Timeout = 15_000 });
        await Assertions.Expect(second).ToContainTextAsync("Healthy");
        await Assertions.Expect(second).ToHaveClassAsync(new Regex("mud-chip-color-success"));
        Assert.Equal(0, navigations);

        // An empty pool and a route to it: the dashboard and the Routes page say the setup cannot work.
        await host.AddPoolAsync(new { name = "vacant", backends = Array.Empty<object>() });
        await host.AddRouteAsync(new { name = "orphan", path = "/orphan", targets = new[] { new { pool = "vacant" } } });
        await host.WaitForLiveConfigAsync();

        await browser.OpenAsync("/");
        var routeWarning = page.Locator($"[data-testid='setup-warnings'] [data-setup-warning='{SetupWarningKinds.RouteWithoutEnabledBackend}'][data-object='orphan']");
        await Assertions.Expect(routeWarning).ToContainTextAsync("Route 'orphan' has no backend in rotation, so its requests get 503: pool 'vacant' has no backends.");
        await Assertions.Expect(page.Locator($"[data-setup-warning='{SetupWarningKinds.PoolWithoutEnabledBackend}'][data-object='vacant']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("dashboard-setup-warnings", page.GetByTestId("setup-warnings"));

        await routeWarning.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/routes$"));
        var besideRoute = page.Locator($"td[data-route='orphan'] [data-object-warning='{SetupWarningKinds.RouteWithoutEnabledBackend}']");
        await Assertions.Expect(besideRoute).ToContainTextAsync("no enabled backend");
        await Assertions.Expect(besideRoute).ToHaveAttributeAsync("title", new Regex("pool 'vacant' has no backends"));
        await browser.ScreenshotAsync("routes-setup-warning");
    }
}
