using System.Text.RegularExpressions;
using Appliance.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// The operator's first hour in a real browser: set up, sign in, create a pool of two live
/// backends and a route in the forms, see traffic flow and health change on the dashboard
/// without reloading, and find the changes in the audit trail.
/// </summary>
public sealed class AdminSiteEndToEndTests : IAsyncLifetime
{
    private const string UserName = "admin";
    private const string Password = "end to end passphrase 7";

    private readonly ApplianceHost _host = new();
    private TestBackend[] _backends = [];

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _backends = await TestBackend.StartManyAsync("e2e-blue", "e2e-green");
    }

    public async Task DisposeAsync()
    {
        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }

        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Setup_sign_in_pool_and_route_forms_traffic_live_health_and_audit()
    {
        await using var browser = await BrowserSession.StartAsync(_host.Api.BaseAddress!);
        try
        {
            await WalkThroughAsync(browser);
        }
        catch
        {
            // What the browser showed when a step failed is the first thing to look at.
            await browser.ScreenshotAsync("failure");
            await File.WriteAllLinesAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "failure-console.txt"), browser.ConsoleMessages);
            await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "failure.html"), await browser.Page.ContentAsync());
            throw;
        }
    }

    private async Task WalkThroughAsync(BrowserSession browser)
    {
        var page = browser.Page;

        // First run: every page leads to /setup, which wants the code the appliance wrote to its data directory.
        await page.GotoAsync("/pools");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/setup"));
        var code = (await File.ReadAllTextAsync(Path.Combine(_host.DataDirectory, "setup-code"))).Trim();
        await page.FillAsync("input[name='Input.Code']", code);
        await page.FillAsync("input[name='Input.UserName']", UserName);
        await page.FillAsync("input[name='Input.Password']", Password);
        await page.FillAsync("input[name='Input.ConfirmPassword']", Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync($"{UserName} (Admin)");

        // Sign out and back in with the new account.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.FillAsync("input[name='Input.UserName']", UserName);
        await page.FillAsync("input[name='Input.Password']", Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync($"{UserName} (Admin)");

        // A pool of the two live backends, probed every second.
        await browser.OpenAsync("/pools");
        var poolForm = page.GetByTestId("pool-form");
        await browser.ClickUntilVisibleAsync(page.GetByTestId("new-pool"), poolForm);
        await page.FillAsync("#pool-name", "shop");
        await page.FillAsync("#health-path", "/health");
        await page.FillAsync("#health-interval", "1");
        await page.FillAsync("#health-timeout", "1");
        await page.FillAsync("#backend-0-address", _backends[0].Address);
        await page.GetByTestId("add-backend").ClickAsync();
        await page.FillAsync("#backend-1-address", _backends[1].Address);
        await page.FillAsync("#backend-1-weight", "3");
        await page.Locator("#backend-1-weight").BlurAsync();
        await browser.ScreenshotAsync("pool-form", page.Locator(".mud-dialog"));
        await poolForm.GetByTestId("save").ClickAsync();
        await Assertions.Expect(poolForm).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-pool='shop']")).ToBeVisibleAsync();

        // A route for shop.test to it.
        await browser.OpenAsync("/routes");
        var routeForm = page.GetByTestId("route-form");
        await browser.ClickUntilVisibleAsync(page.GetByTestId("new-route"), routeForm);
        await page.FillAsync("#route-name", "shop");
        await page.FillAsync("#route-host-input", "shop.test");
        await page.PressAsync("#route-host-input", "Enter");
        await Assertions.Expect(routeForm.Locator("[data-host='shop.test']")).ToBeVisibleAsync();
        await Assertions.Expect(routeForm.Locator("[data-share='0']")).ToHaveTextAsync("100 %");
        await routeForm.GetByTestId("save").ClickAsync();
        await Assertions.Expect(routeForm).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-route='shop']")).ToBeVisibleAsync();

        // The pool cannot go while the route uses it: the store's reason is shown, nothing changes.
        await browser.OpenAsync("/pools");
        await browser.ClickUntilVisibleAsync(page.GetByRole(AriaRole.Button, new() { Name = "Delete pool shop" }), page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-error")).ToContainTextAsync("Pool 'shop' is a target of route 'shop'; remove it from their targets first.");
        await Assertions.Expect(page.Locator("[data-pool='shop']")).ToBeVisibleAsync();

        // Traffic flows through the data plane to a backend.
        await _host.WaitForLiveConfigAsync();
        using var client = _host.CreateProxyClient();
        for (var i = 0; i < 8; i++)
        {
            using var response = await client.GetWithHostAsync("shop.test", "/");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(8, _backends.Sum(b => b.Requests));

        // The dashboard shows both backends healthy, then one going down, without a reload.
        await browser.OpenAsync("/");
        var blue = page.Locator($"tr[data-backend='{_backends[0].Address}'] [data-health]");
        var green = page.Locator($"tr[data-backend='{_backends[1].Address}'] [data-health]");
        await Assertions.Expect(blue).ToHaveAttributeAsync("data-health", "Healthy");
        await Assertions.Expect(green).ToHaveAttributeAsync("data-health", "Healthy");
        await Assertions.Expect(page.Locator("tr[data-route='shop']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("total-connections")).Not.ToHaveTextAsync("");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        await _backends[1].StopAsync();
        await Assertions.Expect(green).ToHaveAttributeAsync("data-health", "Unhealthy", new() { Timeout = 10_000 });
        await Assertions.Expect(blue).ToHaveAttributeAsync("data-health", "Healthy");
        await Assertions.Expect(page.Locator($"[data-health-event='{_backends[1].Address}']").First).ToContainTextAsync("went down");
        Assert.Equal(0, navigations);
        await browser.ScreenshotAsync("dashboard");

        // History belongs to the appliance, not to the page: a reload shows it whole.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"[data-health-event='{_backends[1].Address}']").First).ToContainTextAsync("went down");
        await Assertions.Expect(page.GetByTestId("chart-requests").Locator("svg")).ToBeVisibleAsync();

        // The audit trail lists both changes, with their content.
        await browser.OpenAsync("/audit");
        var poolEntry = page.Locator("td[data-audit]", new() { HasTextString = "Create pool shop" });
        await Assertions.Expect(poolEntry).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("td[data-audit]", new() { HasTextString = "Create route shop" })).ToBeVisibleAsync();
        await page.FillAsync("#audit-search", "route");
        await Assertions.Expect(poolEntry).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("td[data-audit]")).ToHaveCountAsync(1);
        await page.FillAsync("#audit-search", "");
        await browser.ClickUntilVisibleAsync(poolEntry, page.GetByTestId("audit-diff"));
        await Assertions.Expect(page.GetByTestId("audit-diff")).ToContainTextAsync(_backends[1].Address);
        await browser.ScreenshotAsync("audit");
    }
}
