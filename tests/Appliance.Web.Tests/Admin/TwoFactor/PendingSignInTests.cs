using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Auth;
using Appliance.Web.Auth.TwoFactor;
using Appliance.Web.Tests.Infrastructure;
using static Appliance.Web.Tests.Admin.TwoFactor.TwoFactorPages;

namespace Appliance.Web.Tests.Admin.TwoFactor;

/// <summary>The step between a right password and its code is not a session: nothing but the code step takes it.</summary>
public sealed class PendingSignInTests(TwoFactorHost host) : IClassFixture<TwoFactorHost>
{
    private const string Password = "pending passphrase 11";

    private AdminBrowser Browser(string address) => new(host.Api.BaseAddress!, IPAddress.Parse(address));

    /// <summary>A browser whose password was right for a user with two-factor, waiting for the code; and the key.</summary>
    private async Task<(AdminBrowser Browser, string Secret)> PendingAsync(string name, string address)
    {
        Assert.True((await host.App.Services.GetRequiredService<UserStore>().CreateAsync(new NewUser { UserName = name, Password = Password, Role = ApplianceRoles.Admin }, Editor.Authorized("test"))).Succeeded);
        string secret;
        using (var setup = Browser(address))
        {
            (await PasswordAsync(setup, name, Password)).Dispose();
            (secret, _) = await EnrolAsync(setup, Password);
        }

        var browser = Browser(address);
        using var password = await PasswordAsync(browser, name, Password);
        Assert.Equal("/login/two-factor", RedirectPath(password));
        return (browser, secret);
    }

    [Fact]
    public async Task Pages_and_the_api_refuse_a_browser_waiting_for_its_code()
    {
        var (browser, _) = await PendingAsync("pending-pages", "127.0.27.1");
        using (browser)
        {
            var pending = Assert.Single(browser.Cookies.GetAllCookies(), c => c.Name == PendingSignInCookie.CookieName);
            Assert.Equal("/login", pending.Path);
            Assert.True(pending.HttpOnly);
            Assert.False(HasSession(browser));

            foreach (var path in new[] { "/", "/pools", "/users", "/settings", "/account/two-factor", "/account/password" })
            {
                using var page = await browser.GetAsync(path);
                Assert.Equal("/login", RedirectPath(page));
            }

            foreach (var path in new[] { "/api/v1/pools", "/api/v1/users", "/api/v1/settings/two-factor", "/api/v1/config" })
            {
                using var api = await browser.GetAsync(path);
                Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            }

            // Presented as the session cookie, or in any spelling of the code step's path, it is still no session.
            using var forger = Browser("127.0.27.2");
            forger.Cookies.Add(new Cookie(AdminCookie.CookieName, pending.Value, "/", "127.0.0.1"));
            Assert.Equal(HttpStatusCode.Redirect, (await forger.GetAsync("/")).StatusCode);
            var origin = host.Api.BaseAddress!.GetLeftPart(UriPartial.Authority);
            foreach (var odd in new[] { "//login/two-factor", "/login/.%2Ftwo-factor", "/login;x/two-factor", "/LOGIN/two-factor", "/login%2Ftwo-factor", "/login/two-factor/", "/login/two-factor;x=1" })
            {
                (await browser.GetAsync(origin + odd)).Dispose();
                Assert.False(HasSession(browser), odd);
            }

            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        }
    }

    [Fact]
    public async Task A_tampered_pending_cookie_or_none_leads_back_to_the_password()
    {
        var (browser, secret) = await PendingAsync("pending-tampered", "127.0.27.3");
        using (browser)
        {
            var pending = browser.Cookies.GetAllCookies().Single(c => c.Name == PendingSignInCookie.CookieName);
            var flipped = (pending.Value[10] == 'A' ? 'B' : 'A') + "";
            using var tampered = Browser("127.0.27.4");
            tampered.Cookies.Add(new Cookie(PendingSignInCookie.CookieName, pending.Value[..10] + flipped + pending.Value[11..], "/login", "127.0.0.1"));
            Assert.Equal("/login", RedirectPath(await tampered.GetAsync("/login/two-factor")));

            using var stranger = Browser("127.0.27.5");
            Assert.Equal("/login", RedirectPath(await stranger.GetAsync("/login/two-factor")));
            Assert.Equal("/login", RedirectPath(await stranger.GetAsync("/login/two-factor/setup")));

            // A pending code step is not a pending setup, and the other way round.
            Assert.Equal("/login", RedirectPath(await browser.GetAsync("/login/two-factor/setup")));

            // The genuine one still works after all that.
            using var signedIn = await CodeAsync(browser, Code(secret, stepsAhead: 1));
            Assert.Equal("/", RedirectPath(signedIn));
            Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == PendingSignInCookie.CookieName && !c.Expired && c.Value.Length > 0);
        }
    }

    [Fact]
    public async Task A_new_password_between_the_steps_ends_the_pending_sign_in()
    {
        var (browser, secret) = await PendingAsync("pending-stale", "127.0.27.6");
        using (browser)
        {
            var users = host.App.Services.GetRequiredService<UserStore>();
            var user = (await users.FindAsync("pending-stale"))!;
            Assert.True((await users.EndSessionsAsync(user.User.Id, Editor.Authorized("test"))).Succeeded);

            using var code = await CodeAsync(browser, Code(secret, stepsAhead: 1));
            Assert.Equal("/login", RedirectPath(code));
            Assert.False(HasSession(browser));
        }
    }
}
