using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Admin;

public sealed class ChangePasswordTests(SignInTests.SeededHost host) : IClassFixture<SignInTests.SeededHost>
{
    // One answer for a wrong current password and a refused attempt, as sign-in gives.
    private const string NeutralRefusal = "The current password is not correct, or there were too many attempts; try again later.";

    private static Dictionary<string, string> Change(string current, string next, string? confirm = null) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = confirm ?? next,
    };

    [Fact]
    public async Task A_user_changes_their_password_only_with_the_current_one()
    {
        using var browser = new AdminBrowser(host.Api.BaseAddress!);
        (await browser.SubmitAsync("/login", "login", SignInTests.Credentials("ops", "initial passphrase 1"))).Dispose();

        using (var wrong = await browser.SubmitAsync("/account/password", "change-password", Change("not my password", "a brand new passphrase")))
        {
            Assert.Contains(NeutralRefusal, await wrong.Content.ReadAsStringAsync());
        }

        using (var weak = await browser.SubmitAsync("/account/password", "change-password", Change("initial passphrase 1", "short")))
        {
            Assert.Contains("12 to 128 characters", await weak.Content.ReadAsStringAsync());
        }

        using (var changed = await browser.SubmitAsync("/account/password", "change-password", Change("initial passphrase 1", "a brand new passphrase")))
        {
            Assert.Contains("Your password was changed.", await changed.Content.ReadAsStringAsync());
        }

        using var other = new AdminBrowser(host.Api.BaseAddress!);
        using (var old = await other.SubmitAsync("/login", "login", SignInTests.Credentials("ops", "initial passphrase 1")))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
            Assert.Contains(LockoutTests.NeutralRefusal, await old.Content.ReadAsStringAsync());
        }

        using (var fresh = await other.SubmitAsync("/login", "login", SignInTests.Credentials("ops", "a brand new passphrase")))
        {
            Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        }
    }

    [Fact]
    public async Task The_page_needs_a_signed_in_user()
    {
        using var browser = new AdminBrowser(host.Api.BaseAddress!);
        using var response = await browser.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Five_wrong_current_passwords_refuse_the_sixth_even_if_right_with_the_neutral_message()
    {
        // A stolen cookie must not be a way to guess the real password without limit.
        const string Password = "throttled passphrase 6";
        var users = host.App.Services.GetRequiredService<UserStore>();
        Assert.True((await users.CreateAsync(new NewUser { UserName = "cookie-thief-target", Password = Password, Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
        using var browser = new AdminBrowser(host.Api.BaseAddress!, IPAddress.Parse("127.0.6.1"));
        using (var signedIn = await browser.SubmitAsync("/login", "login", SignInTests.Credentials("cookie-thief-target", Password)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        for (var attempt = 1; attempt <= SignInThrottle.MaxFailuresPerAddress; attempt++)
        {
            using var wrong = await browser.SubmitAsync("/account/password", "change-password", Change("guess " + attempt, "a stolen new passphrase"));
            Assert.Contains(NeutralRefusal, await wrong.Content.ReadAsStringAsync());
        }

        using (var right = await browser.SubmitAsync("/account/password", "change-password", Change(Password, "a stolen new passphrase")))
        {
            var html = await right.Content.ReadAsStringAsync();
            Assert.Contains(NeutralRefusal, html);
            Assert.DoesNotContain("Your password was changed.", html);
        }

        Assert.Equal(SignInOutcome.Succeeded, (await users.SignInAsync("cookie-thief-target", Password, IPAddress.Parse("127.0.6.2"))).Outcome);
    }

    [Fact]
    public async Task Change_password_posts_are_rate_limited_per_client_address()
    {
        const string Password = "rate limited passphrase 7";
        var users = host.App.Services.GetRequiredService<UserStore>();
        Assert.True((await users.CreateAsync(new NewUser { UserName = "hasty", Password = Password, Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
        using var browser = new AdminBrowser(host.Api.BaseAddress!, IPAddress.Parse("127.0.6.3"));
        using (var signedIn = await browser.SubmitAsync("/login", "login", SignInTests.Credentials("hasty", Password)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= Appliance.Web.Auth.SignInRateLimit.PermitsPerWindow; attempt++)
        {
            using var response = await browser.SubmitAsync("/account/password", "change-password", Change("short", "short"));
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
