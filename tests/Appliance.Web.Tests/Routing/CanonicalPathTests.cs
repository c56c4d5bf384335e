using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// An attacker's spellings of a protected prefix: every one must meet the prefix's access list
/// (basic auth on /admin, an IP deny list on /internal), never the catch-all route beside it, and
/// the backend gets the one canonical path the decision was made on.
/// </summary>
public sealed class CanonicalPathTests(CanonicalPathTests.ProtectedPrefixesHost host) : IClassFixture<CanonicalPathTests.ProtectedPrefixesHost>
{
    private const string Credentials = "Authorization: Basic b3BzOmNvcnJlY3QgaG9yc2UgYmF0dGVyeQ=="; // ops:correct horse battery

    public static TheoryData<string> Spellings =>
    [
        "//{0}/secret",
        "///{0}//secret",
        "/.//{0}/secret",
        "/./{0}/secret",
        "/{0}/./secret",
        "/x/../{0}/secret",
        "/x/%2e%2e/{0}/secret",
        "/%2e/{0}/secret",
        "/%2E%2E/{0}/secret",
        "/{0};x/secret",
        "/{0};jsessionid=0123",
        "/;/{0}/secret",
        "/{0}/secret;x",
        "/{0}%2Fsecret",
        "/%2F{0}/secret",
        "/x/..%2F{0}/secret",
        "/x/..%2f{0}/secret",
        "/{0}%5Csecret",
        "/\\{0}\\secret",
        "/x\\..\\{0}/secret",
        "/{0}/x%2F..%2F..%2Fsecret",
        "/{0}/..%2Fsecret",
        "/{0}/x%5C..%5Csecret",
        "/{0}/%2e%2e%2Fsecret",
        "/{0}/%c0%ae%c0%ae/secret",
        "/{0}",
        "/{0}/",
        "http://site.test//{0}/secret",
    ];

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task A_spelling_of_a_basic_auth_prefix_meets_the_basic_auth(string spelling) =>
        await AssertProtectedAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, "admin"), HttpStatusCode.Unauthorized);

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task A_spelling_of_an_ip_denied_prefix_meets_the_deny_list(string spelling) =>
        await AssertProtectedAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, "internal"), HttpStatusCode.Forbidden);

    [Theory]
    [InlineData("/%61dmin/secret")]
    [InlineData("/ADMIN/secret")]
    [InlineData("/Admin;x/secret")]
    public async Task Encoded_and_upper_case_letters_meet_the_basic_auth_too(string target) =>
        await AssertProtectedAsync(target, HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("//admin;x/./secret", "/admin/secret")]
    [InlineData("/x/../admin//secret/", "/admin/secret/")]
    [InlineData("/admin/a%2Fb?q=%2F", "/admin/a%2Fb?q=%2F")]
    [InlineData("/admin/%61%62%25", "/admin/ab%25")]
    public async Task The_backend_gets_the_canonical_path_the_decision_was_made_on(string target, string expected)
    {
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test", Credentials);

        Assert.True(status == 200, response);
        Assert.Equal(expected, host.Backend.ReceivedTargets.Last());
    }

    [Fact]
    public async Task Encoded_slashes_reach_the_backend_exactly_as_sent()
    {
        using var client = host.CreateProxyClient();
        using var response = await client.GetWithHostAsync("site.test", "/files/group%2Fproject/raw?ref=a%2Fb");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/files/group%2Fproject/raw?ref=a%2Fb", host.Backend.ReceivedTargets.Last());
    }

    [Theory]
    [InlineData("/files/a%00b")]
    [InlineData("/files/a%0D%0Ab")]
    public async Task A_path_that_decodes_to_a_control_character_is_refused_with_400(string target)
    {
        var before = host.Backend.Requests;
        var (status, _) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test");

        Assert.Equal(400, status);
        Assert.Equal(before, host.Backend.Requests);
    }

    private async Task AssertProtectedAsync(string target, HttpStatusCode expected)
    {
        var before = host.Backend.Requests;
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test");

        // Kestrel may refuse a target outright (400); the one wrong answer is the backend's.
        Assert.True(status == (int)expected || status == 400, $"{target} answered {status}:\n{response}");
        Assert.Equal(before, host.Backend.Requests);
    }

    /// <summary>A catch-all route beside two protected prefixes, all on one backend.</summary>
    public sealed class ProtectedPrefixesHost : ApplianceHost
    {
        public TestBackend Backend { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Backend = await TestBackend.StartAsync("paths");
            await AddPoolAsync(new { name = "paths", backends = new[] { new { address = Backend.Address } } });
            await SaveAsync("/api/v1/access-lists", new { name = "staff", defaultAction = "Allow", basicAuthUsers = new[] { new { user = "ops", password = "correct horse battery" } } });
            await SaveAsync("/api/v1/access-lists", new { name = "nobody", defaultAction = "Deny", rules = Array.Empty<object>() });
            await AddRouteAsync(new { name = "open", path = "/", targets = new[] { new { pool = "paths", weight = 1 } } });
            await AddRouteAsync(new { name = "admin", path = "/admin", targets = new[] { new { pool = "paths", weight = 1 } }, accessList = "staff" });
            await AddRouteAsync(new { name = "internal", path = "/internal", targets = new[] { new { pool = "paths", weight = 1 } }, accessList = "nobody" });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Backend.DisposeAsync();
            await base.DisposeAsync();
        }

        private async Task SaveAsync(string collection, object body)
        {
            using var response = await Api.PostAsJsonAsync(collection, body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
    }
}
