using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Admin;

// The admin site behind a TLS-terminating proxy, an SSH tunnel or a bastion: every client arrives
// from the proxy's address (here 127.0.0.1, configured as trusted), and only the forwarded headers
// tell them apart. The other host trusts nobody, as by default.
public sealed class TrustedProxyTests(TrustedProxyTests.ProxiedHost proxied, SignInTests.SeededHost direct)
    : IClassFixture<TrustedProxyTests.ProxiedHost>, IClassFixture<SignInTests.SeededHost>
{
    private const string Password = "proxied passphrase 9";
    private static readonly IPAddress Proxy = IPAddress.Loopback;

    private static AdminBrowser Through(ApplianceHost host, IPAddress proxy, string client)
    {
        var browser = new AdminBrowser(host.Api.BaseAddress!, proxy);
        browser.Headers.Add("X-Forwarded-For", client);
        return browser;
    }

    private static async Task CreateUserAsync(ApplianceHost host, string name) =>
        Assert.True((await host.App.Services.GetRequiredService<UserStore>()
            .CreateAsync(new NewUser { UserName = name, Password = Password, Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);

    private static async Task<HttpResponseMessage> SignInAsync(AdminBrowser browser, string name, string password) =>
        await browser.SubmitAsync("/login", "login", SignInTests.Credentials(name, password));

    [Fact]
    public async Task Behind_a_trusted_proxy_a_guesser_locks_out_only_themselves_not_the_owner()
    {
        await CreateUserAsync(proxied, "proxied-owner");
        using var attacker = Through(proxied, Proxy, "203.0.113.66");
        for (var i = 1; i <= SignInThrottle.MaxFailuresPerAddress; i++)
        {
            using var wrong = await SignInAsync(attacker, "proxied-owner", "guess " + i);
            Assert.Contains(LockoutTests.NeutralRefusal, await wrong.Content.ReadAsStringAsync());
        }

        using (var locked = await SignInAsync(attacker, "proxied-owner", Password))
        {
            Assert.Contains(LockoutTests.NeutralRefusal, await locked.Content.ReadAsStringAsync());
        }

        using var owner = Through(proxied, Proxy, "198.51.100.20");
        using var signedIn = await SignInAsync(owner, "proxied-owner", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_limit_on_sign_in_posts_is_per_client()
    {
        for (var client = 1; client <= Appliance.Web.Auth.SignInRateLimit.PermitsPerWindow + 2; client++)
        {
            using var browser = Through(proxied, Proxy, $"192.0.2.{client}");
            using var response = await SignInAsync(browser, "nobody-" + client, "whatever passphrase");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_terminates_tls_the_cookie_is_secure()
    {
        await CreateUserAsync(proxied, "tls-owner");
        using var browser = Through(proxied, Proxy, "198.51.100.21");
        var token = await browser.FormTokenAsync("/login");
        browser.Headers.Add("X-Forwarded-Proto", "https");
        var fields = SignInTests.Credentials("tls-owner", Password);
        fields["_handler"] = "login";
        fields["__RequestVerificationToken"] = token;

        using var signedIn = await browser.PostAsync("/login", fields);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("appliance_admin=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_sends_its_own_host_live_pages_open_from_the_public_name()
    {
        // nginx's default: Host is the upstream's name, the public one rides in X-Forwarded-Host.
        using var response = await NegotiateAsync(proxied, Proxy, "https://admin.example.test", ("X-Forwarded-Host", "admin.example.test"), ("X-Forwarded-Proto", "https"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_address_change_nothing()
    {
        await CreateUserAsync(direct, "direct-owner");
        var connection = IPAddress.Parse("127.0.13.1");
        for (var i = 1; i <= SignInThrottle.MaxFailuresPerAddress; i++)
        {
            using var attacker = Through(direct, connection, $"203.0.113.{i}");
            (await SignInAsync(attacker, "direct-owner", "guess " + i)).Dispose();
        }

        using (var sameConnection = Through(direct, connection, "198.51.100.22"))
        using (var refused = await SignInAsync(sameConnection, "direct-owner", Password))
        {
            Assert.Contains(LockoutTests.NeutralRefusal, await refused.Content.ReadAsStringAsync());
        }

        using var negotiate = await NegotiateAsync(direct, Proxy, "https://admin.example.test", ("X-Forwarded-Host", "admin.example.test"));
        Assert.Equal(HttpStatusCode.Forbidden, negotiate.StatusCode);
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(ApplianceHost host, IPAddress from, string origin, params (string Name, string Value)[] headers)
    {
        using var browser = new AdminBrowser(host.Api.BaseAddress!, from);
        browser.Headers.Add("Origin", origin);
        foreach (var (name, value) in headers)
        {
            browser.Headers.Add(name, value);
        }

        return await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", new Dictionary<string, string>());
    }

    public sealed class ProxiedHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Admin:InitialUser"] = "ops",
            ["Appliance:Admin:InitialPassword"] = "initial passphrase 1",
            ["Appliance:Admin:TrustedProxies:0"] = "127.0.0.1",
        };
    }
}
