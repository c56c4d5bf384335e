using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Admin;

public sealed class SessionTests(SignInTests.SeededHost host) : IClassFixture<SignInTests.SeededHost>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/routes")]
    [InlineData("/pools")]
    [InlineData("/certificates")]
    [InlineData("/cache")]
    [InlineData("/security")]
    [InlineData("/audit")]
    [InlineData("/users")]
    [InlineData("/settings")]
    [InlineData("/account/password")]
    public async Task Every_admin_page_sends_anonymous_visitors_to_sign_in(string path)
    {
        using var browser = new AdminBrowser(host.Api.BaseAddress!);
        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_changed_role_ends_the_session_and_a_deleted_user_is_signed_out()
    {
        var users = host.App.Services.GetRequiredService<UserStore>();
        var created = await users.CreateAsync(new NewUser { UserName = "temp-viewer", Password = "temporary passphrase 9", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"));
        Assert.True(created.Succeeded);
        using var browser = new AdminBrowser(host.Api.BaseAddress!);
        (await browser.SubmitAsync("/login", "login", SignInTests.Credentials("temp-viewer", "temporary passphrase 9"))).Dispose();

        var asViewer = await (await browser.GetAsync("/pools")).Content.ReadAsStringAsync();
        Assert.Contains("temp-viewer (Viewer)", asViewer);
        Assert.DoesNotContain("data-testid=\"new-pool\"", asViewer);

        // A new role is a new session: nothing opened under the old role carries on.
        Assert.True((await users.SetRoleAsync(created.Value!.Id, ApplianceRoles.Admin, Editor.Authorized("test"))).Succeeded);
        using (var afterRoleChange = await browser.GetAsync("/pools"))
        {
            Assert.Equal(HttpStatusCode.Redirect, afterRoleChange.StatusCode);
        }

        (await browser.SubmitAsync("/login", "login", SignInTests.Credentials("temp-viewer", "temporary passphrase 9"))).Dispose();
        var asAdmin = await (await browser.GetAsync("/pools")).Content.ReadAsStringAsync();
        Assert.Contains("temp-viewer (Admin)", asAdmin);
        Assert.Contains("data-testid=\"new-pool\"", asAdmin);

        Assert.True((await users.DeleteAsync(created.Value.Id, Editor.Authorized("ops"))).Succeeded);
        using var afterDelete = await browser.GetAsync("/pools");
        Assert.Equal(HttpStatusCode.Redirect, afterDelete.StatusCode);
        Assert.Contains("/login", afterDelete.Headers.Location?.OriginalString);
    }
}
