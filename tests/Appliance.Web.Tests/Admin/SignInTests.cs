using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Admin;

// The sign-in posts of this class stay under the per-address limit; SignInRateLimitTests has its own host.
public sealed class SignInTests(SignInTests.SeededHost host) : IClassFixture<SignInTests.SeededHost>
{
    internal static Dictionary<string, string> Credentials(string userName, string password) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Pages_need_a_signed_in_user_who_can_sign_out()
    {
        using var browser = new AdminBrowser(host.Api.BaseAddress!);
        using (var anonymous = await browser.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("http://127.0.0.1", anonymous.Headers.Location?.OriginalString);
            Assert.Contains("/login?ReturnUrl=%2F", anonymous.Headers.Location?.OriginalString);
        }

        using (var signedIn = await browser.SubmitAsync("/login", "login", Credentials("ops", "initial passphrase 1")))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        // The site's assets are really there, not just routed (an empty 200 once hid a missing CSS file).
        Assert.Contains(".mud-paper", await (await browser.GetAsync("/_content/MudBlazor/MudBlazor.min.css")).Content.ReadAsStringAsync());
        Assert.Contains("Blazor", await (await browser.GetAsync("/_framework/blazor.web.js")).Content.ReadAsStringAsync());

        // The API never accepts the site's cookie: it wants a token.
        using (var api = await browser.GetAsync("/api/v1/pools"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        using (var signedOut = await browser.SubmitAsync("/", "logout", new Dictionary<string, string>(), action: "/logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Signed_in_users_see_pools_routes_and_the_audit_trail()
    {
        await host.AddPoolAsync(new { name = "ui-web", loadBalancing = "WeightedRoundRobin", backends = new[] { new { address = "http://10.0.0.7:8080", weight = 3 } } });
        await host.AddPoolAsync(new { name = "ui-next", backends = new[] { new { address = "http://10.0.0.8:8080" } } });
        await host.AddRouteAsync(new { name = "ui-canary", hosts = new[] { "shop.test" }, targets = new[] { new { pool = "ui-web", weight = 90 }, new { pool = "ui-next", weight = 10 } } });

        using var browser = new AdminBrowser(host.Api.BaseAddress!);
        (await browser.SubmitAsync("/login", "login", Credentials("ops", "initial passphrase 1"))).Dispose();

        var pools = await (await browser.GetAsync("/pools")).Content.ReadAsStringAsync();
        Assert.Contains("data-pool=\"ui-web\"", pools);
        Assert.Contains("http://10.0.0.7:8080 · 3", pools);

        var routes = await (await browser.GetAsync("/routes")).Content.ReadAsStringAsync();
        Assert.Contains("data-route=\"ui-canary\"", routes);
        Assert.Contains("ui-web 90 %, ui-next 10 %", routes);

        var audit = await (await browser.GetAsync("/audit")).Content.ReadAsStringAsync();
        Assert.Contains("Create route ui-canary", audit);
        Assert.Contains("token:bootstrap", audit);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_lock_it_even_against_the_right_one_without_saying_so()
    {
        var users = host.App.Services.GetRequiredService<UserStore>();
        await users.CreateAsync(new NewUser { UserName = "mallory-target", Password = "the right passphrase", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"));
        using var browser = new AdminBrowser(host.Api.BaseAddress!);

        for (var attempt = 1; attempt <= SignInThrottle.MaxFailuresPerAddress; attempt++)
        {
            using var wrong = await browser.SubmitAsync("/login", "login", Credentials("mallory-target", "guess " + attempt));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(LockoutTests.NeutralRefusal, await wrong.Content.ReadAsStringAsync());
        }

        using (var right = await browser.SubmitAsync("/login", "login", Credentials("mallory-target", "the right passphrase")))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            var html = await right.Content.ReadAsStringAsync();
            Assert.Contains(LockoutTests.NeutralRefusal, html);
            Assert.DoesNotContain("locked", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = new AdminBrowser(host.Api.BaseAddress!);
        var fields = Credentials("ops", "initial passphrase 1");
        fields["_handler"] = "login";
        using var response = await browser.PostAsync("/login", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("appliance_admin=", StringComparison.Ordinal)));
    }

    public sealed class SeededHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Admin:InitialUser"] = "ops",
            ["Appliance:Admin:InitialPassword"] = "initial passphrase 1",
        };
    }
}
