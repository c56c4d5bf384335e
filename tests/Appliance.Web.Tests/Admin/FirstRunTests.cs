using System.Net;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Admin;

public sealed class FirstRunTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    private static Dictionary<string, string> Setup(string code, string userName, string password, string? confirm = null) => new()
    {
        ["Input.Code"] = code,
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    [Fact]
    public async Task Every_page_leads_to_setup_until_the_setup_code_has_created_the_first_administrator_once()
    {
        using var browser = new AdminBrowser(host.Api.BaseAddress!);
        foreach (var page in new[] { "/", "/login", "/anything" })
        {
            using var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/setup", response.Headers.Location?.OriginalString);
        }

        using (var anonymousApi = new HttpClient { BaseAddress = host.Api.BaseAddress })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymousApi.GetAsync("/api/v1/pools")).StatusCode);
        }

        var codePath = Path.Combine(host.DataDirectory, SetupCode.FileName);
        var code = (await File.ReadAllTextAsync(codePath)).Trim();

        using (var wrong = await browser.SubmitAsync("/setup", "setup", Setup("AAAA-BBBB-CCCC", "admin", "a long passphrase here")))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The setup code is not valid.", await wrong.Content.ReadAsStringAsync());
        }

        // Every message at once: the wrong code and what is wrong with the password.
        using (var both = await browser.SubmitAsync("/setup", "setup", Setup("AAAA-BBBB-CCCC", "admin", "short")))
        {
            var html = await both.Content.ReadAsStringAsync();
            Assert.Contains("The setup code is not valid.", html);
            Assert.Contains("12 to 128 characters", html);
        }

        using (var mismatch = await browser.SubmitAsync("/setup", "setup", Setup(code, "admin", "a long passphrase here", "another passphrase")))
        {
            Assert.Contains("The passwords do not match.", await mismatch.Content.ReadAsStringAsync());
        }

        using (var weak = await browser.SubmitAsync("/setup", "setup", Setup(code, "admin", "short")))
        {
            Assert.Contains("12 to 128 characters", await weak.Content.ReadAsStringAsync());
            Assert.True(File.Exists(codePath));
        }

        using (var created = await browser.SubmitAsync("/setup", "setup", Setup(code, "admin", "a long passphrase here")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var cookie = Assert.Single(created.Headers.GetValues("Set-Cookie"), c => c.StartsWith("appliance_admin=", StringComparison.Ordinal));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        using (var dashboard = await browser.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            var html = await dashboard.Content.ReadAsStringAsync();
            Assert.Contains("Dashboard", html);
            Assert.Contains(">admin (Admin)<", html);
        }

        Assert.False(File.Exists(codePath));
        using var late = new AdminBrowser(host.Api.BaseAddress!);
        using (var again = await late.GetAsync("/setup"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.Equal("/login", again.Headers.Location?.OriginalString);
        }

        var users = await host.App.Services.GetRequiredService<UserStore>().ListAsync();
        Assert.Equal("admin", Assert.Single(users).UserName);
    }
}
