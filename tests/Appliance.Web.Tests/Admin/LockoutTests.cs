using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Admin;

// Clients at different addresses are browsers bound to different loopback addresses.
public sealed partial class LockoutTests(SignInTests.SeededHost host) : IClassFixture<SignInTests.SeededHost>
{
    internal const string NeutralRefusal = "Wrong user name or password, or too many attempts; try again later.";
    private const string Password = "lockout passphrase 5";

    private AdminBrowser Browser(string address) => new(host.Api.BaseAddress!, IPAddress.Parse(address));

    private async Task CreateUserAsync(string name)
    {
        var users = host.App.Services.GetRequiredService<UserStore>();
        Assert.True((await users.CreateAsync(new NewUser { UserName = name, Password = Password, Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
    }

    private static async Task<(HttpStatusCode Status, string Html)> AttemptAsync(AdminBrowser browser, string name, string password)
    {
        using var response = await browser.SubmitAsync("/login", "login", SignInTests.Credentials(name, password));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_lock_that_address_but_not_the_owner_at_another()
    {
        await CreateUserAsync("target");
        using var attacker = Browser("127.0.5.1");
        for (var i = 1; i <= SignInThrottle.MaxFailuresPerAddress; i++)
        {
            var (status, html) = await AttemptAsync(attacker, "target", "guess " + i);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(NeutralRefusal, html);
        }

        var (lockedStatus, lockedHtml) = await AttemptAsync(attacker, "target", Password);
        Assert.Equal(HttpStatusCode.OK, lockedStatus);
        Assert.Contains(NeutralRefusal, lockedHtml);

        using var owner = Browser("127.0.5.2");
        using var signedIn = await owner.SubmitAsync("/login", "login", SignInTests.Credentials("target", Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_and_an_existing_one_get_the_same_answers_locked_or_not()
    {
        await CreateUserAsync("known");
        using var first = Browser("127.0.5.3");
        using var second = Browser("127.0.5.4");
        for (var i = 1; i <= SignInThrottle.MaxFailuresPerAddress + 1; i++)
        {
            var existing = await AttemptAsync(first, "known", "guess " + i);
            var unknown = await AttemptAsync(second, "unknown", "guess " + i);

            Assert.Equal(existing.Status, unknown.Status);
            Assert.Equal(Alert(existing.Html), Alert(unknown.Html));
            Assert.Equal(Normalize(existing.Html, "known"), Normalize(unknown.Html, "unknown"));
        }
    }

    [Fact]
    public async Task An_open_session_and_api_tokens_keep_working_while_the_account_is_locked()
    {
        await CreateUserAsync("busy");
        using var owner = Browser("127.0.5.5");
        using (var signedIn = await owner.SubmitAsync("/login", "login", SignInTests.Credentials("busy", Password)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // Locked at the owner's own address, and slowed down everywhere by guesses from several.
        for (var address = 6; address < 6 + SignInThrottle.AccountSlowdownAfter / SignInThrottle.MaxFailuresPerAddress; address++)
        {
            using var attacker = Browser(address == 6 ? "127.0.5.5" : $"127.0.5.{address}");
            for (var i = 0; i < SignInThrottle.MaxFailuresPerAddress; i++)
            {
                await AttemptAsync(attacker, "busy", "guess " + i);
            }
        }

        var (_, refused) = await AttemptAsync(owner, "busy", Password);
        Assert.Contains(NeutralRefusal, refused);

        using (var page = await owner.GetAsync("/pools"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("busy (Viewer)", await page.Content.ReadAsStringAsync());
        }

        using var api = new HttpClient { BaseAddress = host.Api.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApplianceHost.BootstrapToken);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/pools")).StatusCode);
    }

    [Fact]
    public async Task While_the_name_is_slowed_down_the_owner_still_signs_in_from_any_of_their_recent_networks()
    {
        await CreateUserAsync("traveller");
        foreach (var usual in new[] { "127.0.7.1", "127.0.8.1" })
        {
            using var place = Browser(usual);
            var (status, _) = await AttemptAsync(place, "traveller", Password);
            Assert.Equal(HttpStatusCode.Redirect, status);
        }

        // A botnet from elsewhere: each address stays under its own lockout, the name slows down.
        for (var bot = 1; bot <= SignInThrottle.AccountSlowdownAfter / (SignInThrottle.MaxFailuresPerAddress - 1); bot++)
        {
            using var attacker = Browser($"127.0.9.{bot}");
            for (var i = 0; i < SignInThrottle.MaxFailuresPerAddress - 1; i++)
            {
                await AttemptAsync(attacker, "traveller", "guess " + i);
            }
        }

        using (var stranger = Browser("127.0.10.1"))
        {
            Assert.Contains(NeutralRefusal, (await AttemptAsync(stranger, "traveller", Password)).Html);
        }

        // Home was not the last place, and its router has since handed out another address of its /24.
        foreach (var recent in new[] { "127.0.7.1", "127.0.7.23", "127.0.8.1" })
        {
            using var owner = Browser(recent);
            var (status, _) = await AttemptAsync(owner, "traveller", Password);
            Assert.Equal(HttpStatusCode.Redirect, status);
        }
    }

    private static string Alert(string html) => AlertPattern().Match(html).Groups[1].Value;

    // The page echoes the user name typed and carries a fresh antiforgery token and encrypted
    // component state; nothing else may differ.
    private static string Normalize(string html, string userName) =>
        StatePattern().Replace(TokenPattern().Replace(html, "TOKEN"), "STATE").Replace($"value=\"{userName}\"", "value=\"NAME\"", StringComparison.Ordinal);

    [GeneratedRegex("<p role=\"alert\"[^>]*>([^<]*)</p>")]
    private static partial Regex AlertPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]+\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^-]*-->")]
    private static partial Regex StatePattern();
}
