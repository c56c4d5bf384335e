using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Appliance.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// The history in a real browser: changes made through the API are listed, two ticked revisions
/// show their changed lines, and restoring an older one, after a confirmation that shows what it
/// will change, brings its configuration back as a new revision.
/// </summary>
public sealed class HistoryEndToEndTests(OperatorHost host) : IClassFixture<OperatorHost>
{
    [Fact]
    public async Task Compare_two_revisions_then_restore_the_older_one_through_the_confirmation()
    {
        await using var browser = await BrowserSession.StartAsync(host.Api.BaseAddress!);
        try
        {
            await WalkThroughAsync(browser);
        }
        catch
        {
            await browser.ScreenshotAsync("history-failure");
            await File.WriteAllLinesAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "history-failure-console.txt"), browser.ConsoleMessages);
            await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "history-failure.html"), await browser.Page.ContentAsync());
            throw;
        }
    }

    private async Task WalkThroughAsync(BrowserSession browser)
    {
        var page = browser.Page;

        // Three changes through the API: a pool, its backend moved, a second pool.
        await host.AddPoolAsync(new { name = "alpha", backends = new[] { new { address = "http://127.0.0.1:9001" } } });
        var kept = await RevisionAsync();
        var keptDocument = await ExportAsync();
        using (var moved = await host.Api.PutAsJsonAsync("/api/v1/pools/alpha", new { name = "alpha", backends = new[] { new { address = "http://127.0.0.1:9002" } } }))
        {
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        }

        await host.AddPoolAsync(new { name = "beta", backends = new[] { new { address = "http://127.0.0.1:9003" } } });
        var latest = await RevisionAsync();
        Assert.Equal(kept + 2, latest);

        await OperatorHost.SignInAsync(page);
        await browser.OpenAsync("/history");
        var revisions = page.GetByTestId("revisions");
        await Assertions.Expect(revisions).ToContainTextAsync("pool 'beta' created");
        await Assertions.Expect(revisions).ToContainTextAsync("pool 'alpha' updated");

        // Two ticked revisions: the objects that differ, then the changed lines with their signs.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Compare revision {kept}" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Compare revision {latest}" }).CheckAsync();
        var diff = page.GetByTestId("history-diff");
        await Assertions.Expect(diff).ToContainTextAsync($"From revision {kept} to revision {latest}");
        await Assertions.Expect(diff.Locator("[data-diff-added='beta']")).ToBeVisibleAsync();
        await Assertions.Expect(diff.Locator("[data-diff-changed='alpha']")).ToContainTextAsync("9002");
        var lines = diff.GetByTestId("diff-lines");
        await Assertions.Expect(lines).ToContainTextAsync("-          \"address\": \"http://127.0.0.1:9001\"");
        await Assertions.Expect(lines).ToContainTextAsync("+          \"address\": \"http://127.0.0.1:9002\"");
        await browser.ScreenshotAsync("history");

        // Restore the older one: the confirmation shows what it changes against now.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Restore revision {kept}" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.GetByTestId("restore-question")).ToContainTextAsync($"Restore revision {kept}");
        await Assertions.Expect(dialog.GetByTestId("restore-question")).ToContainTextAsync($"now at revision {latest}");
        await Assertions.Expect(dialog.Locator("[data-diff-removed='beta']")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByTestId("diff-lines")).ToContainTextAsync("+          \"address\": \"http://127.0.0.1:9001\"");
        await browser.ScreenshotAsync("history-restore", dialog);
        await dialog.GetByTestId("confirm-restore").ClickAsync();
        await Assertions.Expect(page.GetByText($"Revision {kept} restored as revision {latest + 1}.")).ToBeVisibleAsync();

        // The configuration is the old one again, as a new revision on top of the others.
        Assert.Equal(keptDocument, await ExportAsync());
        Assert.Equal(latest + 1, await RevisionAsync());
        var newest = (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/config/revisions?take=1"))[0];
        Assert.Equal($"restore of revision {kept}", newest.GetProperty("summary").GetString());
        Assert.Equal(OperatorHost.UserName, newest.GetProperty("actor").GetString());
        await Assertions.Expect(revisions).ToContainTextAsync($"restore of revision {kept}");
        await Assertions.Expect(page.Locator($"[data-revision='{latest + 1}']")).ToContainTextAsync("current");
    }

    private async Task<long> RevisionAsync()
    {
        using var response = await host.Api.GetAsync("/api/v1/config/revisions?take=1");
        response.EnsureSuccessStatusCode();
        return long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> ExportAsync() => (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/config")).GetRawText();
}
