using System.Text.RegularExpressions;
using Appliance.Data.Users;
using Appliance.Data.Users.Preferences;
using Appliance.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// The theme a user chooses is theirs, not the browser's: it survives signing out and in, shows in
/// another browser they sign in from (already in the page's first paint), is not another user's,
/// and System follows whatever the browser prefers.
/// </summary>
public sealed class ThemePreferenceEndToEndTests(ThemePreferenceEndToEndTests.ThemeHost host) : IClassFixture<ThemePreferenceEndToEndTests.ThemeHost>
{
    private const string Password = "theme passphrase 12";

    // The page's own background, which MudBlazor's theme sets: dark when its luminance is low.
    private const string IsDarkScript = """
        () => {
            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
            return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
        }
        """;

    [Fact]
    public async Task A_chosen_theme_follows_its_user_across_sign_ins_and_browsers_and_no_one_else()
    {
        await host.AddUserAsync("theme-anna");
        await host.AddUserAsync("theme-ben");

        // On a phone whose system prefers light: System shows light; Anna chooses dark from the menu.
        await using (var phone = await BrowserSession.StartAsync(host.Api.BaseAddress!, SmallScreenEndToEndTests.Phone))
        {
            await RunAsync(phone, "theme-phone", async page =>
            {
                await SignInAsync(phone, "theme-anna");
                Assert.False(await IsDarkAsync(page));
                await ChooseAsync(phone, page.GetByTestId("app-bar-menu").Locator("button").First, "Dark theme");
                await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);
                await Eventually.TrueAsync(async () => (await host.Preferences.GetAsync("theme-anna"))?.Theme == ThemePreference.Dark, TimeSpan.FromSeconds(10), "Anna's choice to be stored");

                // Signing out and in again keeps it.
                await SmallScreenEndToEndTests.ClickThenSeeAsync(page.GetByTestId("app-bar-menu").Locator("button").First, page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
                await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
                await SignInAsync(phone, "theme-anna");
                Assert.True(await IsDarkAsync(page));
            });
        }

        // Ben, in a browser of his own, still has the system's light theme.
        await using (var other = await BrowserSession.StartAsync(host.Api.BaseAddress!))
        {
            await RunAsync(other, "theme-other-user", async page =>
            {
                await SignInAsync(other, "theme-ben");
                Assert.False(await IsDarkAsync(page));
                await Assertions.Expect(page.GetByTestId("theme-menu")).ToBeVisibleAsync();
            });
        }

        // Anna on a desktop browser: dark from the first paint, in the prerendered page before any
        // script runs; then back to System there, which on a system that prefers light is light.
        await using (var desktop = await BrowserSession.StartAsync(host.Api.BaseAddress!))
        {
            await RunAsync(desktop, "theme-desktop", async page =>
            {
                await page.RouteAsync("**/_framework/blazor.web.js", route => route.AbortAsync());
                await page.GotoAsync("/login");
                await page.FillAsync("input[name='Input.UserName']", "theme-anna");
                await page.FillAsync("input[name='Input.Password']", Password);
                await page.ClickAsync("button[type=submit]");
                await page.Locator("[data-circuit='prerendered']").WaitForAsync();
                Assert.True(await IsDarkAsync(page));
                await page.UnrouteAllAsync();
                await desktop.OpenAsync("/");
                Assert.True(await IsDarkAsync(page));

                var themeMenu = page.GetByTestId("theme-menu").Locator("button").First;
                await SmallScreenEndToEndTests.ClickThenSeeAsync(themeMenu, page.Locator("[data-theme-choice='Dark'][data-chosen='true']"));
                await page.GetByRole(AriaRole.Menuitem, new() { Name = "System theme" }).ClickAsync();
                await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", LightBackground);
                await Eventually.TrueAsync(async () => (await host.Preferences.GetAsync("theme-anna"))?.Theme == ThemePreference.System, TimeSpan.FromSeconds(10), "Anna's System to be stored");
            });
        }

        // System follows the browser: on a system that prefers dark, Anna's System is dark.
        await using (var darkSystem = await BrowserSession.StartAsync(host.Api.BaseAddress!, colorScheme: ColorScheme.Dark))
        {
            await RunAsync(darkSystem, "theme-dark-system", async page =>
            {
                await SignInAsync(darkSystem, "theme-anna");
                await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);
            });
        }

        Assert.Equal(ThemePreference.System, (await host.Preferences.GetAsync("theme-ben"))!.Theme);
    }

    // MudBlazor's palettes' backgrounds, which the appliance's theme keeps.
    private const string DarkBackground = "rgb(50, 51, 61)";
    private const string LightBackground = "rgb(255, 255, 255)";

    private static async Task<bool> IsDarkAsync(IPage page) => await page.EvaluateAsync<bool>(IsDarkScript);

    private static Task SignInAsync(BrowserSession browser, string userName) =>
        SmallScreenEndToEndTests.SignInAsync(browser.Page, userName, Password);

    private static async Task ChooseAsync(BrowserSession browser, ILocator menu, string theme)
    {
        var item = browser.Page.GetByRole(AriaRole.Menuitem, new() { Name = theme });
        await SmallScreenEndToEndTests.ClickThenSeeAsync(menu, item);
        await item.ClickAsync();
    }

    private static async Task RunAsync(BrowserSession browser, string name, Func<IPage, Task> walk)
    {
        try
        {
            await walk(browser.Page);
        }
        catch
        {
            await browser.ScreenshotAsync($"{name}-failure");
            await File.WriteAllLinesAsync(Path.Combine(BrowserSession.ScreenshotDirectory, $"{name}-failure-console.txt"), browser.ConsoleMessages);
            throw;
        }
    }

    public sealed class ThemeHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Admin:InitialUser"] = "ops",
            ["Appliance:Admin:InitialPassword"] = "initial passphrase 1",
        };

        public UserPreferencesStore Preferences => App.Services.GetRequiredService<UserPreferencesStore>();

        public async Task AddUserAsync(string name) =>
            Assert.True((await App.Services.GetRequiredService<UserStore>().CreateAsync(new NewUser { UserName = name, Password = Password, Role = "Admin" }, Editor.Authorized("test"))).Succeeded);
    }
}
