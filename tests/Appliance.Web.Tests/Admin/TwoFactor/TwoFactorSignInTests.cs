using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Data.Auditing;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;
using static Appliance.Web.Tests.Admin.TwoFactor.TwoFactorPages;

namespace Appliance.Web.Tests.Admin.TwoFactor;

// Every test signs in from loopback addresses of its own (127.0.2x.y), so neither the per-address
// lockout nor the sign-in rate limit of one test decides another's outcome.
public sealed class TwoFactorSignInTests(TwoFactorHost host) : IClassFixture<TwoFactorHost>
{
    private const string Password = "two factor passphrase 9";

    private AdminBrowser Browser(string address) => new(host.Api.BaseAddress!, IPAddress.Parse(address));

    private async Task CreateUserAsync(string name, string role = ApplianceRoles.Viewer) =>
        Assert.True((await host.App.Services.GetRequiredService<UserStore>().CreateAsync(new NewUser { UserName = name, Password = Password, Role = role }, Editor.Authorized("test"))).Succeeded);

    private async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> CreateEnrolledUserAsync(string name, string address)
    {
        await CreateUserAsync(name);
        using var browser = Browser(address);
        using (var signedIn = await PasswordAsync(browser, name, Password))
        {
            Assert.Equal("/", RedirectPath(signedIn));
        }

        return await EnrolAsync(browser, Password);
    }

    [Fact]
    public async Task Enrolled_users_sign_in_with_the_password_and_then_a_code_from_their_app()
    {
        await CreateUserAsync("tf-enrol");
        using var laptop = Browser("127.0.21.1");
        (await PasswordAsync(laptop, "tf-enrol", Password)).Dispose();
        var page = await (await laptop.GetAsync("/account/two-factor")).Content.ReadAsStringAsync();
        Assert.Contains("Off: the password alone signs you in.", page);
        Assert.Contains("src=\"data:image/png;base64,", page);
        Assert.DoesNotContain("<img src=\"http", page);
        var secret = SecretOn(page);

        // The password again, and the app's current code.
        using (var wrongPassword = await laptop.SubmitAsync("/account/two-factor", "two-factor-setup", new Dictionary<string, string> { ["Input.Password"] = "not it", ["Input.Code"] = Code(secret) }))
        {
            Assert.Contains("The current password is not correct", await wrongPassword.Content.ReadAsStringAsync());
        }

        var (_, codes) = await EnrolAsync(laptop, Password);
        Assert.Equal(10, codes.Distinct().Count());

        // Turning it on ended the user's other sessions; this browser got a renewed cookie.
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/")).StatusCode);
        Assert.Contains("10 of 10 recovery codes left.", await (await laptop.GetAsync("/account/two-factor")).Content.ReadAsStringAsync());

        using var phone = Browser("127.0.21.2");
        using (var password = await PasswordAsync(phone, "tf-enrol", Password))
        {
            Assert.Equal("/login/two-factor", RedirectPath(password));
        }

        Assert.False(HasSession(phone));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/")).StatusCode);
        var code = Code(secret, stepsAhead: 1);
        using (var signedIn = await CodeAsync(phone, code))
        {
            Assert.Equal("/", RedirectPath(signedIn));
        }

        Assert.True(HasSession(phone));
        Assert.Contains("tf-enrol (Viewer)", await (await phone.GetAsync("/pools")).Content.ReadAsStringAsync());

        // The same code once more, elsewhere: spent.
        using var thief = Browser("127.0.21.3");
        (await PasswordAsync(thief, "tf-enrol", Password)).Dispose();
        using (var replayed = await CodeAsync(thief, code))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
            Assert.Contains(NeutralCodeRefusal, await replayed.Content.ReadAsStringAsync());
        }

        Assert.False(HasSession(thief));

        var users = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/users");
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == "tf-enrol" && u.GetProperty("twoFactor").GetBoolean());
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == "ops" && !u.GetProperty("twoFactor").GetBoolean());
        var audit = await host.App.Services.GetRequiredService<AuditLog>().GetLatestAsync(100);
        var enabled = Assert.Single(audit, a => a.Action == AuditAction.EnableTwoFactor && a.EntityName == "tf-enrol");
        Assert.DoesNotContain(secret, enabled.After ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (_, codes) = await CreateEnrolledUserAsync("tf-recovery", "127.0.22.1");

        using var first = Browser("127.0.22.2");
        (await PasswordAsync(first, "tf-recovery", Password)).Dispose();
        using (var signedIn = await CodeAsync(first, codes[0].ToLowerInvariant()))
        {
            Assert.Equal("/", RedirectPath(signedIn));
        }

        using var second = Browser("127.0.22.3");
        (await PasswordAsync(second, "tf-recovery", Password)).Dispose();
        using (var again = await CodeAsync(second, codes[0]))
        {
            Assert.Contains(NeutralCodeRefusal, await again.Content.ReadAsStringAsync());
        }

        Assert.False(HasSession(second));
        Assert.Contains("9 of 10 recovery codes left.", await (await first.GetAsync("/account/two-factor")).Content.ReadAsStringAsync());
        var audit = await host.App.Services.GetRequiredService<AuditLog>().GetLatestAsync(100);
        Assert.Single(audit, a => a.Action == AuditAction.UseRecoveryCode && a.EntityName == "tf-recovery");
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_lockout_like_wrong_passwords_with_one_answer()
    {
        var (secret, _) = await CreateEnrolledUserAsync("tf-guessed", "127.0.23.1");
        using var attacker = Browser("127.0.23.2");
        (await PasswordAsync(attacker, "tf-guessed", Password)).Dispose();

        // The right password counts until its code is right; four wrong codes make five failures.
        for (var i = 0; i < SignInThrottle.MaxFailuresPerAddress - 1; i++)
        {
            using var wrong = await CodeAsync(attacker, "00000" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(NeutralCodeRefusal, await wrong.Content.ReadAsStringAsync());
        }

        using (var right = await CodeAsync(attacker, Code(secret, stepsAhead: 1)))
        {
            var html = await right.Content.ReadAsStringAsync();
            Assert.Contains(NeutralCodeRefusal, html);
            Assert.DoesNotContain("locked", html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.False(HasSession(attacker));
        using (var password = await PasswordAsync(attacker, "tf-guessed", Password))
        {
            Assert.Contains(LockoutTests.NeutralRefusal, await password.Content.ReadAsStringAsync());
        }

        Assert.Equal(SignInThrottle.MaxFailuresPerAddress, host.App.Services.GetRequiredService<SignInThrottle>().RecentFailures("tf-guessed"));

        // The owner elsewhere is not affected, and the code the attacker could not use is still good.
        using var owner = Browser("127.0.23.3");
        (await PasswordAsync(owner, "tf-guessed", Password)).Dispose();
        using var signedIn = await CodeAsync(owner, Code(secret, stepsAhead: 1));
        Assert.Equal("/", RedirectPath(signedIn));
    }

    [Fact]
    public async Task An_admin_reset_ends_the_users_sessions_and_the_password_is_enough_again()
    {
        await CreateUserAsync("tf-reset");
        using var browser = Browser("127.0.24.1");
        (await PasswordAsync(browser, "tf-reset", Password)).Dispose();
        await EnrolAsync(browser, Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        using (var reset = await host.Api.PostAsync("/api/v1/users/tf-reset/two-factor/reset", null))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            var body = await reset.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("tf-reset", body.GetProperty("userName").GetString());
            Assert.False(body.GetProperty("twoFactor").GetBoolean());
        }

        using (var ended = await browser.GetAsync("/"))
        {
            Assert.Equal("/login", RedirectPath(ended));
        }

        using (var password = await PasswordAsync(browser, "tf-reset", Password))
        {
            Assert.Equal("/", RedirectPath(password));
        }

        using (var again = await host.Api.PostAsync("/api/v1/users/tf-reset/two-factor/reset", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
            Assert.Contains("has not set up two-factor", await again.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.PostAsync("/api/v1/users/nobody-here/two-factor/reset", null)).StatusCode);
        var audit = await host.App.Services.GetRequiredService<AuditLog>().GetLatestAsync(100);
        Assert.Single(audit, a => a.Action == AuditAction.ResetTwoFactor && a.EntityName == "tf-reset" && a.Actor == "token:bootstrap");
    }

    [Fact]
    public async Task New_recovery_codes_then_turning_it_off_with_the_password_and_a_code()
    {
        var (secret, old) = await CreateEnrolledUserAsync("tf-off", "127.0.25.1");
        using var browser = Browser("127.0.25.2");
        (await PasswordAsync(browser, "tf-off", Password)).Dispose();
        (await CodeAsync(browser, Code(secret, stepsAhead: 1))).Dispose();
        Assert.True(HasSession(browser));

        IReadOnlyList<string> codes;
        using (var renewed = await browser.SubmitAsync("/account/two-factor", "two-factor-new-codes", new Dictionary<string, string> { ["Input.Password"] = Password }))
        {
            var html = await renewed.Content.ReadAsStringAsync();
            Assert.Contains("New recovery codes: the old ones no longer work.", html);
            codes = RecoveryCodesOn(html);
        }

        Assert.Equal(10, codes.Count);
        Assert.Empty(codes.Intersect(old));

        using (var wrong = await browser.SubmitAsync("/account/two-factor", "two-factor-off", new Dictionary<string, string> { ["Input.Password"] = Password, ["Input.Code"] = old[1] }))
        {
            Assert.Contains("The code is not right, or there were too many attempts", await wrong.Content.ReadAsStringAsync());
        }

        using (var off = await browser.SubmitAsync("/account/two-factor", "two-factor-off", new Dictionary<string, string> { ["Input.Password"] = Password, ["Input.Code"] = codes[1] }))
        {
            Assert.Contains("Two-factor sign-in is off.", await off.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        using var later = Browser("127.0.25.3");
        using var password = await PasswordAsync(later, "tf-off", Password);
        Assert.Equal("/", RedirectPath(password));
    }

    [Fact]
    public async Task Posts_to_the_two_factor_page_count_in_the_sign_in_rate_limit()
    {
        using var browser = Browser("127.0.26.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Appliance.Web.Auth.SignInRateLimit.PermitsPerWindow; i++)
        {
            using var response = await browser.PostAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = "123456" });
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
