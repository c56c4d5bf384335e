using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Admin;

// Each test signs in from its own loopback address, so the per-address sign-in limit never
// decides an outcome here.
public sealed class SessionRevocationTests(SignInTests.SeededHost host) : IClassFixture<SignInTests.SeededHost>
{
    private const string Password = "session passphrase 7";

    private UserStore Users => host.App.Services.GetRequiredService<UserStore>();

    private AdminBrowser Browser(int address) => new(host.Api.BaseAddress!, IPAddress.Parse($"127.0.4.{address}"));

    private async Task<UserInfo> CreateUserAsync(string name, string role = ApplianceRoles.Viewer)
    {
        var created = await Users.CreateAsync(new NewUser { UserName = name, Password = Password, Role = role }, Editor.Authorized("test"));
        Assert.True(created.Succeeded);
        return created.Value!;
    }

    private static async Task SignInAsync(AdminBrowser browser, string name, string password = Password)
    {
        using var response = await browser.SubmitAsync("/login", "login", SignInTests.Credentials(name, password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task AssertSignedInAsync(AdminBrowser browser)
    {
        using var response = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertRefusedAsync(AdminBrowser browser)
    {
        using var response = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused_and_the_users_other_session_goes_on()
    {
        await CreateUserAsync("replay-victim");
        using var laptop = Browser(1);
        using var phone = Browser(2);
        await SignInAsync(laptop, "replay-victim");
        await SignInAsync(phone, "replay-victim");
        using var thief = Browser(3);
        laptop.CopyCookiesTo(thief);
        await AssertSignedInAsync(thief);

        using (var signedOut = await laptop.SubmitAsync("/", "logout", new Dictionary<string, string>(), action: "/logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        await AssertRefusedAsync(laptop);
        await AssertRefusedAsync(thief);
        await AssertSignedInAsync(phone);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused()
    {
        await CreateUserAsync("csrf-victim");
        using var browser = Browser(4);
        await SignInAsync(browser, "csrf-victim");

        using (var forged = await browser.PostAsync("/logout", new Dictionary<string, string> { ["everywhere"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        await AssertSignedInAsync(browser);
    }

    [Fact]
    public async Task Signing_out_of_a_session_that_has_already_ended_still_leads_to_sign_in()
    {
        var user = await CreateUserAsync("stale-tab");
        using var browser = Browser(13);
        await SignInAsync(browser, "stale-tab");
        var token = await browser.FormTokenAsync("/");
        Assert.True((await Users.EndSessionsAsync(user.Id, Editor.Authorized("ops"))).Succeeded);

        // The tab still shows the sign-out button; pressing it is no error.
        using var signedOut = await browser.PostAsync("/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/login", signedOut.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_user()
    {
        await CreateUserAsync("everywhere");
        using var laptop = Browser(5);
        using var phone = Browser(6);
        await SignInAsync(laptop, "everywhere");
        await SignInAsync(phone, "everywhere");

        using (var signedOut = await laptop.SubmitAsync("/account/password", "logout-everywhere", new Dictionary<string, string> { ["everywhere"] = "true" }, action: "/logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        await AssertRefusedAsync(laptop);
        await AssertRefusedAsync(phone);
    }

    [Fact]
    public async Task A_password_change_ends_the_users_other_sessions_and_keeps_this_one()
    {
        await CreateUserAsync("changer");
        using var here = Browser(7);
        using var elsewhere = Browser(8);
        await SignInAsync(here, "changer");
        await SignInAsync(elsewhere, "changer");
        using var copyOfHere = Browser(9);
        here.CopyCookiesTo(copyOfHere);

        using (var changed = await here.SubmitAsync("/account/password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "a changed passphrase 8",
            ["Input.ConfirmPassword"] = "a changed passphrase 8",
        }))
        {
            Assert.Contains("Your password was changed.", await changed.Content.ReadAsStringAsync());
        }

        await AssertSignedInAsync(here);
        await AssertRefusedAsync(elsewhere);
        // The cookie this browser held before the change is not the one it holds now.
        await AssertRefusedAsync(copyOfHere);
    }

    [Fact]
    public async Task A_role_change_ends_the_users_sessions_and_the_next_sign_in_has_the_new_role()
    {
        var user = await CreateUserAsync("promoted");
        using var browser = Browser(10);
        await SignInAsync(browser, "promoted");
        Assert.Contains("promoted (Viewer)", await (await browser.GetAsync("/pools")).Content.ReadAsStringAsync());

        Assert.True((await Users.SetRoleAsync(user.Id, ApplianceRoles.Admin, Editor.Authorized("ops"))).Succeeded);

        await AssertRefusedAsync(browser);
        await SignInAsync(browser, "promoted");
        Assert.Contains("promoted (Admin)", await (await browser.GetAsync("/pools")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_ending_a_users_sessions_signs_them_out_everywhere_and_is_audited()
    {
        var user = await CreateUserAsync("ended");
        using var laptop = Browser(11);
        using var phone = Browser(12);
        await SignInAsync(laptop, "ended");
        await SignInAsync(phone, "ended");

        Assert.True((await Users.EndSessionsAsync(user.Id, Editor.Authorized("ops"))).Succeeded);

        await AssertRefusedAsync(laptop);
        await AssertRefusedAsync(phone);
        var audit = await host.App.Services.GetRequiredService<Appliance.Data.Auditing.AuditLog>().GetLatestAsync(20);
        Assert.Contains(audit, a => a.Action == Appliance.Data.Entities.AuditAction.EndSessions && a.EntityName == "ended" && a.Actor == "ops");
        await SignInAsync(laptop, "ended");
        await AssertSignedInAsync(laptop);
    }
}
