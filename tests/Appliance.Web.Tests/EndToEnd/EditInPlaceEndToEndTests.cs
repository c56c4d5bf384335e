using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// Access lists, rate limits and cache rules in a real browser: each is created in its "new" form,
/// edited in place under its entry (the change shows in the configuration export), refused when
/// "new" names it again (the API's 409 message on the name field, the original unchanged), refused
/// deletion while a route uses it, and deleted.
/// </summary>
public sealed class EditInPlaceEndToEndTests(EditInPlaceHost host) : IClassFixture<EditInPlaceHost>
{
    [Fact]
    public async Task Create_edit_in_place_refuse_a_taken_name_and_delete_lists_limits_and_cache_rules()
    {
        await using var browser = await BrowserSession.StartAsync(host.Api.BaseAddress!);
        try
        {
            await SignInAsync(browser.Page);
            await AccessListAsync(browser);
            await RateLimitAsync(browser);
            await CacheRuleAsync(browser);
        }
        catch
        {
            await browser.ScreenshotAsync("edit-in-place-failure");
            await File.WriteAllLinesAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "edit-in-place-failure-console.txt"), browser.ConsoleMessages);
            await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "edit-in-place-failure.html"), await browser.Page.ContentAsync());
            throw;
        }
    }

    private async Task AccessListAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await browser.OpenAsync("/security");
        await page.FillAsync("#list-name", "office");
        await page.FillAsync("#list-rules", "allow 203.0.113.0/24");
        await page.GetByTestId("save-list").ClickAsync();
        await Assertions.Expect(page.Locator("[data-access-list='office']")).ToBeVisibleAsync();
        Assert.Equal("Allow 203.0.113.0/24", Rules(await ObjectAsync("accessLists", "office")));

        // Edited under its entry; the export has the new rules and nothing else changed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit access list office" }).ClickAsync();
        var editor = page.Locator("[data-editing-access-list='office']");
        await Assertions.Expect(editor.GetByTestId("access-list-form")).ToContainTextAsync("Edit access list office");
        await editor.Locator("#list-rules").FillAsync("allow 203.0.113.0/24\ndeny 198.51.100.0/24");
        await browser.ScreenshotAsync("edit-in-place-access-list", page.GetByTestId("access-lists"));
        await editor.GetByTestId("save-list").ClickAsync();
        await Assertions.Expect(editor).ToHaveCountAsync(0);
        var edited = await ObjectAsync("accessLists", "office");
        Assert.Equal("Allow 203.0.113.0/24, Deny 198.51.100.0/24", Rules(edited));
        Assert.Equal("Allow", edited.GetProperty("defaultAction").GetString());

        // "New" under a taken name: the API's 409 message on the name field, the stored list as it was.
        await page.FillAsync("#list-name", "office");
        await page.FillAsync("#list-rules", "deny 0.0.0.0/0");
        await page.GetByTestId("save-list").ClickAsync();
        await Assertions.Expect(NameField(page, "#list-name")).ToContainTextAsync("An access list named 'office' already exists.");
        Assert.Equal(edited.GetRawText(), (await ObjectAsync("accessLists", "office")).GetRawText());

        await DeleteWhileUsedThenDeleteAsync(browser, "Delete access list office", "uses-office",
            new { name = "uses-office", path = "/office", targets = new[] { new { pool = "uses-office" } }, accessList = "office" },
            "Access list 'office' is used by route 'uses-office'.");
        await Assertions.Expect(page.Locator("[data-access-list='office']")).ToHaveCountAsync(0);
        Assert.Null(await FindAsync("accessLists", "office"));
    }

    private async Task RateLimitAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await browser.OpenAsync("/security");
        await page.FillAsync("#limit-name", "login");
        await page.FillAsync("#limit-permits", "5");
        await page.FillAsync("#limit-period", "60");
        await page.FillAsync("#limit-burst", "5");
        await page.GetByTestId("save-limit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-rate-limit='login']")).ToContainTextAsync("5 per 60 s, burst 5");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit rate limit login" }).ClickAsync();
        var editor = page.Locator("[data-editing-rate-limit='login']");
        await Assertions.Expect(editor.GetByTestId("rate-limit-form")).ToContainTextAsync("Edit rate limit login");
        await editor.Locator("#limit-permits").FillAsync("10");
        await editor.GetByTestId("save-limit").ClickAsync();
        await Assertions.Expect(editor).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-rate-limit='login']")).ToContainTextAsync("10 per 60 s, burst 5");
        var edited = await ObjectAsync("rateLimits", "login");
        Assert.Equal((10, 60, 5), (edited.GetProperty("permits").GetInt32(), edited.GetProperty("periodSeconds").GetInt32(), edited.GetProperty("burst").GetInt32()));

        await page.FillAsync("#limit-name", "login");
        await page.FillAsync("#limit-permits", "1");
        await page.GetByTestId("save-limit").ClickAsync();
        await Assertions.Expect(NameField(page, "#limit-name")).ToContainTextAsync("A rate limit named 'login' already exists.");
        Assert.Equal(edited.GetRawText(), (await ObjectAsync("rateLimits", "login")).GetRawText());

        await DeleteWhileUsedThenDeleteAsync(browser, "Delete rate limit login", "uses-login",
            new { name = "uses-login", path = "/login", targets = new[] { new { pool = "uses-login" } }, rateLimit = "login" },
            "Rate limit 'login' is used by route 'uses-login'.");
        await Assertions.Expect(page.Locator("[data-rate-limit='login']")).ToHaveCountAsync(0);
        Assert.Null(await FindAsync("rateLimits", "login"));
    }

    private async Task CacheRuleAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await browser.OpenAsync("/cache");
        await page.FillAsync("#rule-name", "static");
        await page.FillAsync("#rule-match", "/static");
        await page.GetByTestId("save-rule").ClickAsync();
        await Assertions.Expect(page.Locator("[data-cache-rule='static']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit cache rule static" }).ClickAsync();
        var editor = page.Locator("[data-editing-cache-rule='static']");
        await Assertions.Expect(editor.GetByTestId("cache-rule-form")).ToContainTextAsync("Edit rule static");
        await editor.Locator("#rule-match").FillAsync("/assets");
        await editor.GetByTestId("save-rule").ClickAsync();
        await Assertions.Expect(editor).ToHaveCountAsync(0);
        var edited = await ObjectAsync("cacheRules", "static");
        Assert.Equal("/assets", edited.GetProperty("match").GetString());

        await page.FillAsync("#rule-name", "static");
        await page.FillAsync("#rule-match", "/elsewhere");
        await page.GetByTestId("save-rule").ClickAsync();
        await Assertions.Expect(NameField(page, "#rule-name")).ToContainTextAsync("A cache rule named 'static' already exists.");
        Assert.Equal(edited.GetRawText(), (await ObjectAsync("cacheRules", "static")).GetRawText());

        // Nothing refers to a cache rule, so its delete is only asked, then done.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete cache rule static" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-cache-rule='static']")).ToHaveCountAsync(0);
        Assert.Null(await FindAsync("cacheRules", "static"));
    }

    // A route made through the API names the object: the delete is refused with the store's 409 in the
    // page; once the route is gone, the same button deletes it.
    private async Task DeleteWhileUsedThenDeleteAsync(BrowserSession browser, string deleteButton, string route, object routeBody, string refusal)
    {
        var page = browser.Page;
        await host.AddPoolAsync(new { name = route, backends = new[] { new { address = "http://127.0.0.1:9" } } });
        await host.AddRouteAsync(routeBody);

        await page.GetByRole(AriaRole.Button, new() { Name = deleteButton }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-error")).ToHaveTextAsync(refusal);

        Assert.True((await host.Api.DeleteAsync($"/api/v1/routes/{route}")).IsSuccessStatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = deleteButton }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name='Input.UserName']", EditInPlaceHost.UserName);
        await page.FillAsync("input[name='Input.Password']", EditInPlaceHost.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(new Regex($"^{EditInPlaceHost.UserName} "));
    }

    // The MudBlazor field around an input: its label, value and message line.
    private static ILocator NameField(IPage page, string input) => page.Locator(".mud-input-control", new() { Has = page.Locator(input) });

    private static string Rules(JsonElement list) =>
        string.Join(", ", list.GetProperty("rules").EnumerateArray().Select(r => $"{r.GetProperty("action").GetString()} {r.GetProperty("cidr").GetString()}"));

    private async Task<JsonElement> ObjectAsync(string kind, string name) =>
        await FindAsync(kind, name) ?? throw new Xunit.Sdk.XunitException($"The export has no {kind} named '{name}'.");

    // What the configuration export says, which is what an import elsewhere would get.
    private async Task<JsonElement?> FindAsync(string kind, string name)
    {
        var config = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/config");
        return config.GetProperty(kind).EnumerateArray().Where(o => o.GetProperty("name").GetString() == name).Cast<JsonElement?>().SingleOrDefault();
    }
}
