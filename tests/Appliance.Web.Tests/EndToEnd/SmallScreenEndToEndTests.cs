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
            await ClickThenSeeAsync(page.GetByTestId("drawer-toggle"), page.GetByRole(AriaRole.Link, new() { Name = "Routes" }));
            await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
            overflow = await PageOverflow.MeasureAsync(page);
            Assert.False(overflow.Overflows, overflow.ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = "Routes" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/routes$"));
            await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));

            // The one menu: who is signed in, the themes, the account's pages and sign-out.
            var menu = page.GetByTestId("app-bar-menu").Locator("button").First;
            var signedIn = page.GetByTestId("menu-signed-in-user");
            await ClickThenSeeAsync(menu, signedIn);
            await Assertions.Expect(signedIn).ToHaveTextAsync($"{SmallScreenSite.AdminName} (Admin)");
            await Assertions.Expect(page.Locator("[data-theme-choice]")).ToHaveCountAsync(3);
            // The README's picture of a phone: the screen as it shows, not the whole page, once the menu has faded in.
            await SettledBoxAsync(page.Locator(".mud-popover-open").First);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "phone-menu.png") });
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Password" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/password$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password" })).ToBeVisibleAsync();

            // A form dialog takes the whole screen, and the page behind it still does not scroll sideways.
            await browser.OpenAsync("/pools");
            var form = page.GetByTestId("pool-form");
            await ClickThenSeeAsync(page.GetByTestId("new-pool"), form);
            var box = await SettledBoxAsync(page.Locator(".mud-dialog"));
            Assert.NotNull(box);
            Assert.Equal((0, 0, Phone.Width, Phone.Height), ((int)box.X, (int)box.Y, (int)Math.Round(box.Width), (int)Math.Round(box.Height)));
            overflow = await PageOverflow.MeasureAsync(page);
            Assert.False(overflow.Overflows, overflow.ToString());
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(form).ToBeHiddenAsync();

            // The largest form, a route with long hosts, fits within its full-screen dialog.
            await browser.OpenAsync("/routes");
            var routeForm = page.GetByTestId("route-form");
            await ClickThenSeeAsync(page.GetByRole(AriaRole.Button, new() { Name = "Edit route shop-with-a-long-route-name-for-phones" }), routeForm);
            await SettledBoxAsync(page.Locator(".mud-dialog"));
            var content = await page.Locator(".mud-dialog-content").EvaluateAsync<int[]>("el => [el.scrollWidth, el.clientWidth]");
            Assert.True(content[0] <= content[1], $"The route form is {content[0]}px wide in a {content[1]}px dialog.");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(routeForm).ToBeHiddenAsync();
            await browser.OpenAsync("/pools");

            // A confirmation stays a small box: it has two buttons and a sentence.
            await ClickThenSeeAsync(page.GetByRole(AriaRole.Button, new() { Name = "Delete pool web" }), page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }));
            var question = await SettledBoxAsync(page.Locator(".mud-dialog"));
            Assert.True(question!.Height < Phone.Height / 2, $"The confirmation is {question.Height}px high.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

            // Sign out from the menu.
            await ClickThenSeeAsync(menu, signedIn);
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
        await page.Locator("[data-circuit='live']").WaitForAsync();
    }

    /// <summary>
    /// One click, then what it shows. The page's circuit is live by then (OpenAsync and SignInAsync
    /// wait for it), so a second click is never needed, and on a busy machine it would land on the
    /// dialog or menu the first one opened.
    /// </summary>
    internal static async Task ClickThenSeeAsync(ILocator button, ILocator expected)
    {
        await button.ClickAsync();
        await expected.WaitForAsync();
    }

    // A dialog opens with a short zoom and a menu fades in: their box is measured once that has run.
    private static async Task<LocatorBoundingBoxResult?> SettledBoxAsync(ILocator dialog)
    {
        await dialog.EvaluateAsync("el => Promise.all(el.getAnimations({ subtree: true }).map(a => a.finished))");
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
