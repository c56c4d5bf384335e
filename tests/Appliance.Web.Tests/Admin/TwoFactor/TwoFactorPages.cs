using System.Net;
using System.Text.RegularExpressions;
using Appliance.Web.Tests.Infrastructure;
using OtpNet;

namespace Appliance.Web.Tests.Admin.TwoFactor;

/// <summary>
/// What a person does on the two-factor pages, done over HTTP: the key is read from the setup page
/// and codes are computed with Otp.NET, as an authenticator app would.
/// </summary>
internal static partial class TwoFactorPages
{
    public const string NeutralCodeRefusal = "Wrong code, or too many attempts; try again later.";

    /// <summary>The code of the step <paramref name="stepsAhead"/> steps from now: 1 is still accepted, and fresh after a code of this step.</summary>
    public static string Code(string secret, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    public static Task<HttpResponseMessage> PasswordAsync(AdminBrowser browser, string name, string password) =>
        browser.SubmitAsync("/login", "login", SignInTests.Credentials(name, password));

    public static Task<HttpResponseMessage> CodeAsync(AdminBrowser browser, string code) =>
        browser.SubmitAsync("/login/two-factor", "two-factor-code", new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>Sets up two-factor on the account page of a signed-in browser; the key and the recovery codes shown.</summary>
    public static async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(AdminBrowser browser, string password, string page = "/account/two-factor")
    {
        var secret = SecretOn(await (await browser.GetAsync(page)).Content.ReadAsStringAsync());
        var fields = new Dictionary<string, string> { ["Input.Code"] = Code(secret) };
        if (page == "/account/two-factor")
        {
            fields["Input.Password"] = password;
        }

        using var confirmed = await browser.SubmitAsync(page, "two-factor-setup", fields);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = RecoveryCodesOn(await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);
        return (secret, codes);
    }

    /// <summary>The key a setup page shows, as typed into an app (its spaces dropped).</summary>
    public static string SecretOn(string html)
    {
        var match = SecretPattern().Match(html);
        Assert.True(match.Success, "no key on the page");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> RecoveryCodesOn(string html) =>
        [.. RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>The path a redirect leads to, whether the Location is absolute or not.</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    /// <summary>Whether the browser holds a session cookie of the admin site.</summary>
    public static bool HasSession(AdminBrowser browser) =>
        browser.Cookies.GetAllCookies().Any(c => c.Name == Appliance.Web.Auth.AdminCookie.CookieName && !c.Expired && c.Value.Length > 0);

    [GeneratedRegex("data-testid=\"two-factor-secret\"[^>]*>([A-Z2-7 ]+)</code>")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("data-recovery-code=\"([A-Z0-9-]+)\"")]
    private static partial Regex RecoveryCodePattern();
}
