using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>An appliance with an Admin from its settings, for browser walks that start by signing in rather than at first-run setup.</summary>
public sealed class OperatorHost : ApplianceHost
{
    public const string UserName = "operator";
    public const string Password = "browser walk passphrase 9";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Admin:InitialUser"] = UserName,
        ["Appliance:Admin:InitialPassword"] = Password,
    };

    /// <summary>Signs <see cref="UserName"/> in through the sign-in page and waits for the site to say so.</summary>
    public static async Task SignInAsync(Microsoft.Playwright.IPage page)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name='Input.UserName']", UserName);
        await page.FillAsync("input[name='Input.Password']", Password);
        await page.ClickAsync("button[type=submit]");
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync($"{UserName} (Admin)");
    }
}
