using System.Text.RegularExpressions;
using Appliance.Web.Tests.Admin.TwoFactor;
using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// Two-factor in a real browser: sign in, open the two-factor page from the app bar, set up an
/// authenticator with the key the page shows (the code computed as an app would), keep the recovery
/// codes, sign out, and sign in again with the password and a code.
/// </summary>
public sealed class TwoFactorEndToEndTests(TwoFactorHost host) : IClassFixture<TwoFactorHost>
{
    private const string UserName = "ops";
    private const string Password = "initial passphrase 1";

    [Fact]
    public async Task Enrol_in_the_browser_then_sign_in_with_the_password_and_a_computed_code()
    {
        await using var browser = await BrowserSession.StartAsync(host.Api.BaseAddress!);
        try
        {
            await WalkThroughAsync(browser);
        }
        catch
        {
            await browser.ScreenshotAsync("two-factor-failure");
            await File.WriteAllLinesAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "two-factor-failure-console.txt"), browser.ConsoleMessages);
            await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "two-factor-failure.html"), await browser.Page.ContentAsync());
            throw;
        }
    }

    private static async Task SignInWithPasswordAsync(IPage page)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name='Input.UserName']", UserName);
        await page.FillAsync("input[name='Input.Password']", Password);
        await page.ClickAsync("button[type=submit]");
    }

    private static async Task WalkThroughAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await SignInWithPasswordAsync(page);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync($"{UserName} (Admin)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/two-factor$"));
        await Assertions.Expect(page.GetByTestId("two-factor-qr")).ToBeVisibleAsync();
        Assert.StartsWith("data:image/png;base64,", await page.GetByTestId("two-factor-qr").GetAttributeAsync("src"));
        var secret = (await page.GetByTestId("two-factor-secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await browser.ScreenshotAsync("two-factor-setup");

        await page.FillAsync("#setup-password", Password);
        await page.FillAsync("#setup-code", TwoFactorPages.Code(secret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
        Assert.Equal(10, await page.Locator("[data-recovery-code]").CountAsync());
        await browser.ScreenshotAsync("two-factor-recovery-codes");
        await page.GetByTestId("recovery-codes-continue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes-left")).ToHaveTextAsync(new Regex("^10 of 10 recovery codes left"));

        // Still signed in here: turning it on renewed this browser's session.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync($"{UserName} (Admin)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));

        // The password leads to the code step, which nothing else gets past.
        await SignInWithPasswordAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login/two-factor$"));
        await page.GotoAsync("/pools");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl="));
        await page.GotoAsync("/login/two-factor");
        await page.FillAsync("#two-factor-code", "000000" == TwoFactorPages.Code(secret, stepsAhead: 1) ? "111111" : "000000");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong code, or too many attempts; try again later.");

        await page.FillAsync("#two-factor-code", TwoFactorPages.Code(secret, stepsAhead: 1));
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync($"{UserName} (Admin)");
        await page.GotoAsync("/users");
        await Assertions.Expect(page.Locator($"[data-user='{UserName}'] [data-testid=two-factor]")).ToContainTextAsync("on");
    }
}
