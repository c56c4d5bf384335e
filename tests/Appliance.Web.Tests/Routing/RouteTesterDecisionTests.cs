using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// <c>POST /api/v1/routes/test</c>, what the matched route decides: redirects, the HTTPS policy,
/// access lists and sign-in, targets and the sticky cookie, maintenance, mirroring and the cache
/// rule, each compared with what the data plane does with the same request where it answers.
/// </summary>
[Collection(RouteTesterCollection.Name)]
public sealed class RouteTesterDecisionTests(RouteTesterHost host)
{
    [Theory]
    [InlineData("/r301/a/b?x=1")]
    [InlineData("/r302/a")]
    [InlineData("/r307")]
    [InlineData("/r308/a?y=2")]
    [InlineData("/ph/z?q=1")]
    [InlineData("/local//evil.example")]
    [InlineData("/ph/{query}?a=1")]
    [InlineData("/ph/%7Bhost%7D/{path}?x={query}")]
    public async Task A_redirect_route_answers_with_the_status_and_location_the_data_plane_sends(string target)
    {
        var answer = await host.TestAsync(new { url = "http://old.test" + target });
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "old.test");

        Assert.Equal("redirect", answer.GetProperty("outcome").GetString());
        Assert.Equal(status, answer.GetProperty("status").GetInt32());
        Assert.Equal(status, answer.GetProperty("redirect").GetProperty("status").GetInt32());
        Assert.Contains("Location: " + answer.GetProperty("redirect").GetProperty("location").GetString() + "\r\n", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_HTTP_on_a_route_that_asks_for_HTTPS_is_redirected_before_anything_else()
    {
        var post = await host.TestAsync(new { method = "POST", url = "http://secure.test/form?a=1", clientIp = "192.0.2.1" });
        Assert.Equal("httpsRedirect", post.GetProperty("outcome").GetString());
        Assert.Equal(308, post.GetProperty("status").GetInt32());
        Assert.StartsWith("https://secure.test", post.GetProperty("redirect").GetProperty("location").GetString());
        Assert.EndsWith("/form?a=1", post.GetProperty("redirect").GetProperty("location").GetString());

        var overTls = await host.TestAsync(new { url = "https://secure.test/form" });
        Assert.Equal("forward", overTls.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Access_lists_decide_on_the_given_address_and_a_stray_forwarded_header_changes_nothing()
    {
        var denied = await host.TestAsync(new { url = "http://guard.test/x", clientIp = "198.51.100.7", headers = new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.9" } });
        Assert.Equal("denied", denied.GetProperty("outcome").GetString());
        Assert.Equal(403, denied.GetProperty("status").GetInt32());
        var list = denied.GetProperty("accessLists")[0];
        Assert.Equal("office", list.GetProperty("name").GetString());
        Assert.False(list.GetProperty("allowed").GetBoolean());
        Assert.Equal("the list's default", list.GetProperty("rule").GetString());

        var allowed = await host.TestAsync(new { url = "http://guard.test/x", clientIp = "203.0.113.9" });
        Assert.Equal("forward", allowed.GetProperty("outcome").GetString());
        Assert.Equal("rule 1", allowed.GetProperty("accessLists")[0].GetProperty("rule").GetString());
        var limit = allowed.GetProperty("rateLimits")[0];
        Assert.Equal("tight", limit.GetProperty("name").GetString());
        Assert.Equal(0.5, limit.GetProperty("requestsPerSecond").GetDouble());

        var unknown = await host.TestAsync(new { url = "http://guard.test/x" });
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("accessLists")[0].GetProperty("allowed").ValueKind);
    }

    [Fact]
    public async Task A_list_with_users_asks_for_a_sign_in_without_checking_any_password()
    {
        var answer = await host.TestAsync(new { url = "http://auth.test/", clientIp = "192.0.2.1" });

        Assert.Equal("signIn", answer.GetProperty("outcome").GetString());
        Assert.Equal(401, answer.GetProperty("status").GetInt32());
        Assert.True(answer.GetProperty("accessLists")[0].GetProperty("asksForSignIn").GetBoolean());
    }

    [Fact]
    public async Task Targets_show_their_shares_and_the_one_a_sticky_cookie_keeps()
    {
        var fresh = await host.TestAsync(new { url = "http://canary.test/" });
        var targets = fresh.GetProperty("targets").EnumerateArray().ToArray();
        Assert.Equal([("plain", 90.0, false), ("beta", 10.0, false)], targets.Select(t => (t.GetProperty("pool").GetString(), t.GetProperty("percent").GetDouble(), t.GetProperty("chosen").GetBoolean())));

        // The cookie a client got from a real response names its target.
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "canary.test" } };
        using var response = await client.SendAsync(request);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var servedBy = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n').Last().Trim();

        var stuck = await host.TestAsync(new { url = "http://canary.test/", headers = new Dictionary<string, string> { ["Cookie"] = cookie } });
        Assert.Equal(servedBy, stuck.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("chosen").GetBoolean()).GetProperty("pool").GetString());
    }

    [Fact]
    public async Task A_route_in_maintenance_answers_503_to_all_but_its_allowed_addresses_and_shows_its_header_rules()
    {
        var closed = await host.TestAsync(new { url = "http://maint.test/x", clientIp = "198.51.100.7" });
        Assert.Equal("maintenance", closed.GetProperty("outcome").GetString());
        Assert.Equal(503, closed.GetProperty("status").GetInt32());
        Assert.Equal("600", closed.GetProperty("maintenance").GetProperty("retryAfterSeconds").GetString());
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", "/x", "maint.test");
        Assert.Equal(503, status);
        Assert.Contains("Retry-After: 600\r\n", response, StringComparison.Ordinal);

        var open = await host.TestAsync(new { url = "http://maint.test/x", clientIp = "203.0.113.9" });
        Assert.Equal("forward", open.GetProperty("outcome").GetString());
        Assert.True(open.GetProperty("maintenance").GetProperty("allowed").GetBoolean());
        Assert.Equal("prod", open.GetProperty("requestHeaders").GetProperty("set").GetProperty("X-Env").GetString());
        Assert.Equal("X-Backend", open.GetProperty("responseHeaders").GetProperty("remove")[0].GetString());

        var plain = await host.TestAsync(new { url = "http://site.test/" });
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("maintenance").ValueKind);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("requestHeaders").ValueKind);
    }

    [Fact]
    public async Task A_mirrored_route_names_its_shadow_pool_and_share()
    {
        var mirrored = await host.TestAsync(new { url = "http://canary.test/" });
        Assert.Equal("rewritten", mirrored.GetProperty("mirror").GetProperty("pool").GetString());
        Assert.Equal(12.5m, mirrored.GetProperty("mirror").GetProperty("percent").GetDecimal());

        Assert.Equal(JsonValueKind.Null, (await host.TestAsync(new { url = "http://site.test/" })).GetProperty("mirror").ValueKind);
    }

    [Fact]
    public async Task The_cache_rule_is_the_one_for_the_canonical_path()
    {
        Assert.Equal("styles", (await host.TestAsync(new { url = "http://site.test/assets/app.css" })).GetProperty("cacheRule").GetString());
        Assert.Equal("styles", (await host.TestAsync(new { url = "http://site.test//assets/./app.css" })).GetProperty("cacheRule").GetString());
        Assert.Equal(JsonValueKind.Null, (await host.TestAsync(new { url = "http://site.test/assets/app.js" })).GetProperty("cacheRule").ValueKind);
    }
}
