using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// The admin site on a phone (390×844, an iPhone 12 to 15's viewport) with rows in every table:
/// every page, found from the navigation itself so that a new page is walked without editing this
/// test, fits the screen's width; the app bar folds into one working menu; the drawer is an overlay
/// that starts closed; a dialog fills the screen.
/// </summary>
public sealed class SmallScreenEndToEndTests(SmallScreenSite site) : IClassFixture<SmallScreenSite>
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Every_page_fits_a_phone_without_sideways_scrolling()
    {
        await RunAsync("every-page", async browser =>
        {
            var page = browser.Page;
            var problems = new List<string>();
            await page.GotoAsync("/login");
            await CheckAsync(browser, "/login", problems);
            await SignInAsync(page);
            await browser.OpenAsync("/");

            var paths = await PagesAsync(page);
            Assert.Contains("/", paths);
            Assert.Contains("/routes", paths);
            Assert.Contains("/account/password", paths);
            Assert.True(paths.Count >= 16, "Pages found: " + string.Join(", ", paths));
            foreach (var path in paths)
            {
                if (path.StartsWith("/account/", StringComparison.Ordinal))
                {
                    // The account pages are static forms: there is no circuit to wait for.
                    await page.GotoAsync(path);
                }
                else
                {
                    await browser.OpenAsync(path);
                }

                await CheckAsync(browser, path, problems);
            }

            Assert.True(problems.Count == 0, "Pages wider than a phone:\n" + string.Join("\n", problems));
        });
    }

    [Fact]
    public async Task The_app_bar_folds_into_one_menu_the_drawer_overlays_and_dialogs_fill_the_screen()
    {
        await RunAsync("menus-and-dialogs", async browser =>
        {
            var page = browser.Page;
            await SignInAsync(page);
            await browser.OpenAsync("/pools");

            // The wide app bar's buttons are hidden; the drawer starts closed and does not take the page's width.
            await Assertions.Expect(page.GetByTestId("app-bar-actions")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeHiddenAsync();
            var drawer = page.Locator(".mud-drawer");
            await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
            var overflow = await PageOverflow.MeasureAsync(page);
            Assert.False(overflow.Overflows, overflow.ToString());

            // The drawer opens over the page, and a link in it navigates and closes it.
            await browser.ClickUntilVisibleAsync(page.GetByTestId("drawer-toggle"), page.GetByRole(AriaRole.Link, new() { Name = "Routes" }));
            await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
            overflow = await PageOverflow.MeasureAsync(page);
            Assert.False(overflow.Overflows, overflow.ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = "Routes" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/routes$"));
            await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));

            // The one menu: who is signed in, the themes, the account's pages and sign-out.
            var menu = page.GetByTestId("app-bar-menu").Locator("button").First;
            var signedIn = page.GetByTestId("menu-signed-in-user");
            await browser.ClickUntilVisibleAsync(menu, signedIn);
            await Assertions.Expect(signedIn).ToHaveTextAsync($"{SmallScreenSite.AdminName} (Admin)");
            await Assertions.Expect(page.Locator("[data-theme-choice]")).ToHaveCountAsync(3);
            await browser.ScreenshotAsync("phone-menu");
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Password" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/password$"));

            // A form dialog takes the whole screen, and the page behind it still does not scroll sideways.
            await browser.OpenAsync("/pools");
            var form = page.GetByTestId("pool-form");
            await browser.ClickUntilVisibleAsync(page.GetByTestId("new-pool"), form);
            var box = await SettledBoxAsync(page.Locator(".mud-dialog"));
            Assert.NotNull(box);
            Assert.Equal((0, 0, Phone.Width, Phone.Height), ((int)box.X, (int)box.Y, (int)Math.Round(box.Width), (int)Math.Round(box.Height)));
            overflow = await PageOverflow.MeasureAsync(page);
            Assert.False(overflow.Overflows, overflow.ToString());
            await browser.ScreenshotAsync("phone-dialog");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(form).ToBeHiddenAsync();

            // A confirmation stays a small box: it has two buttons and a sentence.
            await browser.ClickUntilVisibleAsync(page.GetByRole(AriaRole.Button, new() { Name = "Delete pool web" }), page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }));
            var question = await SettledBoxAsync(page.Locator(".mud-dialog"));
            Assert.True(question!.Height < Phone.Height / 2, $"The confirmation is {question.Height}px high.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

            // Sign out from the menu.
            await browser.ClickUntilVisibleAsync(menu, signedIn);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        });
    }

    /// <summary>Signs in on the login page as the site's Admin.</summary>
    internal static async Task SignInAsync(IPage page, string userName = SmallScreenSite.AdminName, string password = SmallScreenSite.AdminPassword)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name='Input.UserName']", userName);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-circuit]").WaitForAsync();
    }

    // A dialog opens with a short zoom: its box is measured once that has run.
    private static async Task<LocatorBoundingBoxResult?> SettledBoxAsync(ILocator dialog)
    {
        await dialog.EvaluateAsync("el => Promise.all(el.getAnimations().map(a => a.finished))");
        return await dialog.BoundingBoxAsync();
    }

    // Every page the navigation leads to: the drawer's links and the account pages of the app bar's menu.
    private static async Task<IReadOnlyList<string>> PagesAsync(IPage page)
    {
        var links = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.mud-drawer a.mud-nav-link')].map(a => a.getAttribute('href'))");
        var account = new[] { "/account/password", "/account/two-factor" };
        return [.. links.Where(href => href is { Length: > 0 } && href.StartsWith('/')).Concat(account).Distinct()];
    }

    private static async Task CheckAsync(BrowserSession browser, string path, List<string> problems)
    {
        var overflow = await PageOverflow.MeasureAsync(browser.Page);
        if (overflow.Overflows)
        {
            var name = "phone-overflow-" + (path.Trim('/') is { Length: > 0 } trimmed ? trimmed.Replace('/', '-') : "dashboard");
            await browser.ScreenshotAsync(name);
            problems.Add($"{path}: {overflow} (screenshot {name}.png)");
        }
    }

    private async Task RunAsync(string name, Func<BrowserSession, Task> walk)
    {
        await using var browser = await BrowserSession.StartAsync(site.Api.BaseAddress!, Phone);
        await browser.Page.AddInitScriptAsync(PageOverflow.RecordMutationsScript);
        try
        {
            await walk(browser);
        }
        catch
        {
            await browser.ScreenshotAsync($"{name}-failure");
            await File.WriteAllLinesAsync(Path.Combine(BrowserSession.ScreenshotDirectory, $"{name}-failure-console.txt"), browser.ConsoleMessages);
            await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, $"{name}-failure.html"), await browser.Page.ContentAsync());
            throw;
        }
    }
}
