using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// <c>POST /api/v1/routes/test</c> against a live configuration: for each kind of decision the
/// tool's answer is compared with what the data plane really does with the same request, sent over
/// a socket, so the tool cannot drift from the proxy it explains.
/// </summary>
public sealed class RouteTesterTests(RouteTesterTests.TesterHost host) : IClassFixture<RouteTesterTests.TesterHost>
{
    public static TheoryData<string, string, string?> Modes
    {
        get
        {
            var data = new TheoryData<string, string, string?>();
            foreach (var kind in new[] { "h", "q", "c" })
            {
                foreach (var (mode, passing, failing) in new[] { ("Exact", "b", "bb"), ("Prefix", "bx", "xb"), ("Contains", "xbx", "xx"), ("NotContains", "xx", "xbx"), ("Exists", "x", null), ("NotExists", null, "x") })
                {
                    data.Add(kind, mode, passing);
                    data.Add(kind, mode, failing);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Each_condition_mode_gives_the_route_the_data_plane_takes_and_says_why_the_other_was_passed_over(string kind, string mode, string? value)
    {
        var route = $"{kind}-{mode.ToLowerInvariant()}";
        var path = "/" + route + "/x";
        var (url, headers, raw) = kind switch
        {
            "h" => ($"http://site.test{path}", value is null ? new Dictionary<string, string>() : new() { ["X-Beta"] = value }, value is null ? [] : new[] { $"X-Beta: {value}" }),
            "q" => (value is null ? $"http://site.test{path}" : $"http://site.test{path}?variant={value}", new Dictionary<string, string>(), Array.Empty<string>()),
            _ => ($"http://site.test{path}", new Dictionary<string, string> { ["Cookie"] = value is null ? "other=1" : $"other=1; beta={value}" }, new[] { value is null ? "Cookie: other=1" : $"Cookie: other=1; beta={value}" }),
        };

        var answer = await TestAsync(new { method = "GET", url, headers, clientIp = "198.51.100.7" });
        var target = url["http://site.test".Length..];
        var served = await BackendOfAsync(target, "site.test", raw);

        Assert.Equal(served == "beta" ? route : "plain", answer.GetProperty("route").GetString());
        Assert.Equal("forward", answer.GetProperty("outcome").GetString());
        var candidate = Candidate(answer, route);
        Assert.Equal(served == "beta", candidate.GetProperty("matched").GetBoolean());
        if (served != "beta")
        {
            var name = kind switch { "h" => "header X-Beta", "q" => "query parameter variant", _ => "cookie beta" };
            Assert.StartsWith($"{name} must be {mode}", candidate.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task A_conditioned_route_is_tried_before_the_plain_one_and_the_plain_one_says_so()
    {
        var answer = await TestAsync(new { url = "http://site.test/same/x", headers = new Dictionary<string, string> { ["X-Canary"] = "on" } });

        Assert.Equal("z-same", answer.GetProperty("route").GetString());
        Assert.Equal("matches too, but 'z-same' is tried first", Candidate(answer, "a-same").GetProperty("reason").GetString());
        Assert.False(Candidate(answer, "plain").GetProperty("matched").GetBoolean());
        Assert.Equal("beta", await BackendOfAsync("/same/x", "site.test", ["X-Canary: on"]));
    }

    [Theory]
    [InlineData("/api/users?id=1", "/v2/users?id=1")]
    [InlineData("/api", "/v2")]
    [InlineData("//api//users", "/v2/users")]
    [InlineData("/api/./users", "/v2/users")]
    [InlineData("/api;p/users", "/v2/users")]
    [InlineData("/api%2Fusers", "/v2/users")]
    public async Task The_rewritten_path_is_the_one_the_backend_gets_whatever_the_spelling(string target, string forwarded)
    {
        var answer = await TestAsync(new { url = "http://site.test" + target });

        Assert.Equal("rw", answer.GetProperty("route").GetString());
        Assert.Equal(forwarded, answer.GetProperty("forwardPath").GetString());
        Assert.Equal("rewritten", answer.GetProperty("targets")[0].GetProperty("pool").GetString());
        await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test");
        Assert.Equal(forwarded, host.Rewritten.ReceivedTargets.Last());
    }

    [Theory]
    [InlineData("/r301/a/b?x=1")]
    [InlineData("/r302/a")]
    [InlineData("/r307")]
    [InlineData("/r308/a?y=2")]
    [InlineData("/ph/z?q=1")]
    [InlineData("/local//evil.example")]
    public async Task A_redirect_route_answers_with_the_status_and_location_the_data_plane_sends(string target)
    {
        var answer = await TestAsync(new { url = "http://old.test" + target });
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "old.test");

        Assert.Equal("redirect", answer.GetProperty("outcome").GetString());
        Assert.Equal(status, answer.GetProperty("status").GetInt32());
        Assert.Equal(status, answer.GetProperty("redirect").GetProperty("status").GetInt32());
        Assert.Contains("Location: " + answer.GetProperty("redirect").GetProperty("location").GetString() + "\r\n", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_HTTP_on_a_route_that_asks_for_HTTPS_is_redirected_before_anything_else()
    {
        var post = await TestAsync(new { method = "POST", url = "http://secure.test/form?a=1", clientIp = "192.0.2.1" });
        Assert.Equal("httpsRedirect", post.GetProperty("outcome").GetString());
        Assert.Equal(308, post.GetProperty("status").GetInt32());
        Assert.StartsWith("https://secure.test", post.GetProperty("redirect").GetProperty("location").GetString());
        Assert.EndsWith("/form?a=1", post.GetProperty("redirect").GetProperty("location").GetString());

        var overTls = await TestAsync(new { url = "https://secure.test/form" });
        Assert.Equal("forward", overTls.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Access_lists_decide_on_the_given_address_and_a_stray_forwarded_header_changes_nothing()
    {
        var denied = await TestAsync(new { url = "http://guard.test/x", clientIp = "198.51.100.7", headers = new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.9" } });
        Assert.Equal("denied", denied.GetProperty("outcome").GetString());
        Assert.Equal(403, denied.GetProperty("status").GetInt32());
        var list = denied.GetProperty("accessLists")[0];
        Assert.Equal("office", list.GetProperty("name").GetString());
        Assert.False(list.GetProperty("allowed").GetBoolean());
        Assert.Equal("the list's default", list.GetProperty("rule").GetString());

        var allowed = await TestAsync(new { url = "http://guard.test/x", clientIp = "203.0.113.9" });
        Assert.Equal("forward", allowed.GetProperty("outcome").GetString());
        Assert.Equal("rule 1", allowed.GetProperty("accessLists")[0].GetProperty("rule").GetString());
        var limit = allowed.GetProperty("rateLimits")[0];
        Assert.Equal("tight", limit.GetProperty("name").GetString());
        Assert.Equal(0.5, limit.GetProperty("requestsPerSecond").GetDouble());

        var unknown = await TestAsync(new { url = "http://guard.test/x" });
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("accessLists")[0].GetProperty("allowed").ValueKind);
    }

    [Fact]
    public async Task A_list_with_users_asks_for_a_sign_in_without_checking_any_password()
    {
        var answer = await TestAsync(new { url = "http://auth.test/", clientIp = "192.0.2.1" });

        Assert.Equal("signIn", answer.GetProperty("outcome").GetString());
        Assert.Equal(401, answer.GetProperty("status").GetInt32());
        Assert.True(answer.GetProperty("accessLists")[0].GetProperty("asksForSignIn").GetBoolean());
    }

    [Fact]
    public async Task Targets_show_their_shares_and_the_one_a_sticky_cookie_keeps()
    {
        var fresh = await TestAsync(new { url = "http://canary.test/" });
        var targets = fresh.GetProperty("targets").EnumerateArray().ToArray();
        Assert.Equal([("plain", 90.0, false), ("beta", 10.0, false)], targets.Select(t => (t.GetProperty("pool").GetString(), t.GetProperty("percent").GetDouble(), t.GetProperty("chosen").GetBoolean())));

        // The cookie a client got from a real response names its target.
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "canary.test" } };
        using var response = await client.SendAsync(request);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var servedBy = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n').Last().Trim();

        var stuck = await TestAsync(new { url = "http://canary.test/", headers = new Dictionary<string, string> { ["Cookie"] = cookie } });
        Assert.Equal(servedBy, stuck.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("chosen").GetBoolean()).GetProperty("pool").GetString());
    }

    [Fact]
    public async Task A_route_in_maintenance_answers_503_to_all_but_its_allowed_addresses_and_shows_its_header_rules()
    {
        var closed = await TestAsync(new { url = "http://maint.test/x", clientIp = "198.51.100.7" });
        Assert.Equal("maintenance", closed.GetProperty("outcome").GetString());
        Assert.Equal(503, closed.GetProperty("status").GetInt32());
        Assert.Equal("600", closed.GetProperty("maintenance").GetProperty("retryAfterSeconds").GetString());
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", "/x", "maint.test");
        Assert.Equal(503, status);
        Assert.Contains("Retry-After: 600\r\n", response, StringComparison.Ordinal);

        var open = await TestAsync(new { url = "http://maint.test/x", clientIp = "203.0.113.9" });
        Assert.Equal("forward", open.GetProperty("outcome").GetString());
        Assert.True(open.GetProperty("maintenance").GetProperty("allowed").GetBoolean());
        Assert.Equal("prod", open.GetProperty("requestHeaders").GetProperty("set").GetProperty("X-Env").GetString());
        Assert.Equal("X-Backend", open.GetProperty("responseHeaders").GetProperty("remove")[0].GetString());

        var plain = await TestAsync(new { url = "http://site.test/" });
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("maintenance").ValueKind);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("requestHeaders").ValueKind);
    }

    [Fact]
    public async Task A_mirrored_route_names_its_shadow_pool_and_share()
    {
        var mirrored = await TestAsync(new { url = "http://canary.test/" });
        Assert.Equal("rewritten", mirrored.GetProperty("mirror").GetProperty("pool").GetString());
        Assert.Equal(12.5m, mirrored.GetProperty("mirror").GetProperty("percent").GetDecimal());

        Assert.Equal(JsonValueKind.Null, (await TestAsync(new { url = "http://site.test/" })).GetProperty("mirror").ValueKind);
    }

    [Fact]
    public async Task The_cache_rule_is_the_one_for_the_canonical_path()
    {
        Assert.Equal("styles", (await TestAsync(new { url = "http://site.test/assets/app.css" })).GetProperty("cacheRule").GetString());
        Assert.Equal("styles", (await TestAsync(new { url = "http://site.test//assets/./app.css" })).GetProperty("cacheRule").GetString());
        Assert.Equal(JsonValueKind.Null, (await TestAsync(new { url = "http://site.test/assets/app.js" })).GetProperty("cacheRule").ValueKind);
    }

    [Fact]
    public async Task No_route_for_the_host_is_a_404_with_each_route_saying_why()
    {
        var answer = await TestAsync(new { url = "http://elsewhere.test/x" });

        Assert.Equal("notFound", answer.GetProperty("outcome").GetString());
        Assert.Equal(404, answer.GetProperty("status").GetInt32());
        Assert.Equal("host 'elsewhere.test' is not 'site.test'", Candidate(answer, "plain").GetProperty("reason").GetString());
        var (status, _) = await RawHttp.SendAsync(host.ProxyAddress, "GET", "/x", "elsewhere.test");
        Assert.Equal(404, status);
    }

    [Theory]
    [InlineData("/a%00b")]
    [InlineData("/a/..%2F..%2Fb")]
    public async Task A_path_the_data_plane_refuses_is_rejected_before_routing(string target)
    {
        var answer = await TestAsync(new { url = "http://site.test" + target });

        Assert.Equal("rejected", answer.GetProperty("outcome").GetString());
        Assert.Equal(400, answer.GetProperty("status").GetInt32());
        var (status, _) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test");
        Assert.Equal(400, status);
    }

    [Theory]
    [InlineData("url", "{\"url\":\"ftp://site.test/\"}")]
    [InlineData("url", "{\"url\":\"/relative\"}")]
    [InlineData("url", "{\"url\":\"http:///nohost\"}")]
    [InlineData("method", "{\"url\":\"http://site.test/\",\"method\":\"G T\"}")]
    [InlineData("clientIp", "{\"url\":\"http://site.test/\",\"clientIp\":\"300.1.1.1\"}")]
    [InlineData("headers.X-A", "{\"url\":\"http://site.test/\",\"headers\":{\"X-A\":\"a\\r\\nInjected: 1\"}}")]
    [InlineData("headers.Host", "{\"url\":\"http://site.test/\",\"headers\":{\"Host\":\"other.test\"}}")]
    public async Task Bad_input_is_a_problem_document_naming_the_field(string field, string body)
    {
        using var response = await host.Api.PostAsync("/api/v1/routes/test", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private async Task<JsonElement> TestAsync(object request)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/routes/test", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static JsonElement Candidate(JsonElement answer, string route) =>
        answer.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("route").GetString() == route);

    private async Task<string> BackendOfAsync(string target, string hostName, string[] headers)
    {
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, hostName, headers);
        Assert.True(status == 200, $"{target}: {status}\n{response}");
        return response.TrimEnd().Split('\n').Last().Trim();
    }

    /// <summary>Routes of every kind the tester explains, over three backends.</summary>
    public sealed class TesterHost : ApplianceHost
    {
        private readonly List<TestBackend> _backends = [];

        public TestBackend Rewritten => _backends.Single(b => b.Name == "rewritten");

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var name in new[] { "plain", "beta", "rewritten" })
            {
                var backend = await TestBackend.StartAsync(name);
                _backends.Add(backend);
                await AddPoolAsync(new { name, backends = new[] { new { address = backend.Address } } });
            }

            var site = new[] { "site.test" };
            await AddRouteAsync(new { name = "plain", hosts = site, path = "/", targets = Target("plain") });
            foreach (var (kind, member, name) in new[] { ("h", "headers", "X-Beta"), ("q", "query", "variant"), ("c", "cookies", "beta") })
            {
                foreach (var mode in new[] { "Exact", "Prefix", "Contains", "NotContains", "Exists", "NotExists" })
                {
                    await AddRouteAsync(new Dictionary<string, object>
                    {
                        ["name"] = $"{kind}-{mode.ToLowerInvariant()}",
                        ["hosts"] = site,
                        ["path"] = $"/{kind}-{mode.ToLowerInvariant()}",
                        ["targets"] = Target("beta"),
                        [member] = new[] { new { name, values = mode is "Exists" or "NotExists" ? Array.Empty<string>() : ["b"], mode } },
                    });
                }
            }

            await AddRouteAsync(new { name = "a-same", hosts = site, path = "/same", targets = Target("plain") });
            await AddRouteAsync(new { name = "z-same", hosts = site, path = "/same", targets = Target("beta"), headers = new[] { new { name = "X-Canary", values = new[] { "on" }, mode = "Exact" } } });
            await AddRouteAsync(new { name = "rw", hosts = site, path = "/api", rewritePath = "/v2", targets = Target("rewritten") });
            foreach (var status in new[] { 301, 302, 307, 308 })
            {
                await AddRouteAsync(new { name = $"r{status}", hosts = new[] { "old.test" }, path = $"/r{status}", targets = Array.Empty<object>(), redirect = new { location = "https://new.example.com{path}", status, keepQuery = true } });
            }

            await AddRouteAsync(new { name = "ph", hosts = new[] { "old.test" }, path = "/ph", targets = Array.Empty<object>(), redirect = new { location = "{scheme}://{host}/moved{path}?was={query}", status = 302, keepQuery = false } });
            await AddRouteAsync(new { name = "local", hosts = new[] { "old.test" }, path = "/local", targets = Array.Empty<object>(), redirect = new { location = "/{path}", status = 302, keepQuery = false } });
            await AddRouteAsync(new { name = "secure", hosts = new[] { "secure.test" }, path = "/", httpsRedirect = true, targets = Target("plain") });

            await PostAsync("/api/v1/access-lists", new { name = "office", defaultAction = "Deny", rules = new[] { new { action = "Allow", cidr = "203.0.113.0/24" } } });
            await PostAsync("/api/v1/access-lists", new { name = "members", defaultAction = "Allow", basicAuthUsers = new[] { new { user = "ops", password = "correct horse battery" } } });
            await PostAsync("/api/v1/rate-limits", new { name = "tight", permits = 2, periodSeconds = 4, burst = 2 });
            await AddRouteAsync(new { name = "guarded", hosts = new[] { "guard.test" }, path = "/", accessList = "office", rateLimit = "tight", targets = Target("plain") });
            await AddRouteAsync(new { name = "signin", hosts = new[] { "auth.test" }, path = "/", accessList = "members", targets = Target("plain") });
            await AddRouteAsync(new { name = "canary", hosts = new[] { "canary.test" }, path = "/", sticky = true, targets = new[] { new { pool = "plain", weight = 90 }, new { pool = "beta", weight = 10 } }, mirror = new { pool = "rewritten", percent = 12.5 } });
            await AddRouteAsync(new
            {
                name = "maint",
                hosts = new[] { "maint.test" },
                path = "/",
                targets = Target("plain"),
                maintenance = new { enabled = true, retryAfterSeconds = 600, allow = new[] { "203.0.113.0/24" } },
                requestHeaders = new { set = new Dictionary<string, string> { ["X-Env"] = "prod" }, remove = Array.Empty<string>() },
                responseHeaders = new { set = new Dictionary<string, string>(), remove = new[] { "X-Backend" } },
            });
            await PostAsync("/api/v1/cache-rules", new { name = "styles", route = "plain", match = "*.css", mode = "FollowOrigin" });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            foreach (var backend in _backends)
            {
                await backend.DisposeAsync();
            }

            await base.DisposeAsync();
        }

        private async Task PostAsync(string path, object body)
        {
            using var response = await Api.PostAsJsonAsync(path, body);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        private static object[] Target(string pool) => [new { pool, weight = 1 }];
    }
}
