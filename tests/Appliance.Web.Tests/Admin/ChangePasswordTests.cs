using System.Net;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Admin;

public sealed class ChangePasswordTests(SignInTests.SeededHost host) : IClassFixture<SignInTests.SeededHost>
{
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
            Assert.Contains("The current password is not correct.", await wrong.Content.ReadAsStringAsync());
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
}
