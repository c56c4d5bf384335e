using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// Header, query and cookie conditions, path rewrites and redirect routes against real Kestrel
/// backends: every mode of every kind, the order of a conditioned route over a plain one, and the
/// adversarial spellings of a path that must not steer a rewrite or a redirect.
/// </summary>
public sealed class TrafficRulesTests(TrafficRulesTests.RulesHost host) : IClassFixture<TrafficRulesTests.RulesHost>
{
    public static TheoryData<string, string, string?, string> Modes => new()
    {
        // kind, mode, the value sent (null: not sent at all), the backend expected
        { "h", "Exact", "b", "beta" }, { "h", "Exact", "bb", "plain" }, { "h", "Exact", null, "plain" },
        { "h", "Prefix", "bx", "beta" }, { "h", "Prefix", "xb", "plain" },
        { "h", "Contains", "xbx", "beta" }, { "h", "Contains", "xx", "plain" },
        { "h", "NotContains", "xx", "beta" }, { "h", "NotContains", "xbx", "plain" }, { "h", "NotContains", null, "beta" },
        { "h", "Exists", "x", "beta" }, { "h", "Exists", null, "plain" },
        { "h", "NotExists", null, "beta" }, { "h", "NotExists", "x", "plain" },
        { "q", "Exact", "b", "beta" }, { "q", "Exact", "bb", "plain" }, { "q", "Exact", null, "plain" },
        { "q", "Prefix", "bx", "beta" }, { "q", "Prefix", "xb", "plain" },
        { "q", "Contains", "xbx", "beta" }, { "q", "Contains", "xx", "plain" },
        { "q", "NotContains", "xx", "beta" }, { "q", "NotContains", "xbx", "plain" }, { "q", "NotContains", null, "beta" },
        { "q", "Exists", "x", "beta" }, { "q", "Exists", null, "plain" },
        { "q", "NotExists", null, "beta" }, { "q", "NotExists", "x", "plain" },
        { "c", "Exact", "b", "beta" }, { "c", "Exact", "bb", "plain" }, { "c", "Exact", null, "plain" },
        { "c", "Prefix", "bx", "beta" }, { "c", "Prefix", "xb", "plain" },
        { "c", "Contains", "xbx", "beta" }, { "c", "Contains", "xx", "plain" },
        { "c", "NotContains", "xx", "beta" }, { "c", "NotContains", "xbx", "plain" }, { "c", "NotContains", null, "beta" },
        { "c", "Exists", "x", "beta" }, { "c", "Exists", null, "plain" },
        { "c", "NotExists", null, "beta" }, { "c", "NotExists", "x", "plain" },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Each_mode_of_each_kind_picks_the_conditioned_route_only_when_it_holds(string kind, string mode, string? value, string expected)
    {
        var path = $"/{kind}-{mode.ToLowerInvariant()}/x";
        var (target, headers) = kind switch
        {
            "h" => (path, value is null ? [] : new[] { $"X-Beta: {value}" }),
            "q" => (value is null ? path : $"{path}?variant={value}", Array.Empty<string>()),
            _ => (path, value is null ? ["Cookie: other=1"] : new[] { $"Cookie: other=1; beta={value}" }),
        };

        Assert.Equal(expected, await BackendOfAsync(target, headers));
    }

    [Theory]
    [InlineData("/h-exact/x", "x-beta: b", "beta")]
    [InlineData("/h-exact/x", "X-BETA: b", "beta")]
    [InlineData("/c-exact/x", "Cookie: BETA=b", "plain")]
    [InlineData("/c-exact/x", "Cookie: beta=\"b\"", "beta")]
    [InlineData("/c-exact/x", "Cookie: a=1; beta=b", "beta")]
    [InlineData("/q-exact/x?VARIANT=b", null, "beta")]
    public async Task Header_and_query_names_ignore_case_and_cookie_names_do_not(string target, string? header, string expected) =>
        Assert.Equal(expected, await BackendOfAsync(target, header is null ? [] : [header]));

    [Theory]
    [InlineData("//h-exact/x")]
    [InlineData("/h-exact/./x")]
    [InlineData("/h-exact;p/x")]
    [InlineData("/%68-exact/x")]
    public async Task Conditions_are_decided_on_the_canonical_path(string target) =>
        Assert.Equal("beta", await BackendOfAsync(target, ["X-Beta: b"]));

    [Fact]
    public async Task A_conditioned_route_wins_over_a_plain_one_at_the_same_host_and_path()
    {
        // "a-same" would win on its name alone; the condition makes "z-same" the narrower route.
        Assert.Equal("beta", await BackendOfAsync("/same/x", ["X-Canary: on"]));
        Assert.Equal("plain", await BackendOfAsync("/same/x", ["X-Canary: off"]));
        Assert.Equal("plain", await BackendOfAsync("/same/x", []));
    }

    [Theory]
    [InlineData("/api/users?id=1", "/v2/users?id=1")]
    [InlineData("/api/users", "/v2/users")]
    [InlineData("/api", "/v2")]
    [InlineData("/api?x=1&y=%2F", "/v2?x=1&y=%2F")]
    [InlineData("//api//users", "/v2/users")]
    [InlineData("/api/./users", "/v2/users")]
    [InlineData("/x/../api/users", "/v2/users")]
    [InlineData("/api;p/users", "/v2/users")]
    [InlineData("/api/users;jsessionid=1", "/v2/users")]
    [InlineData("/api%2Fusers", "/v2/users")]
    [InlineData("/api/a%2Fb", "/v2/a%2Fb")]
    [InlineData("/%61pi/users", "/v2/users")]
    [InlineData("/strip/users?id=1", "/users?id=1")]
    [InlineData("/strip", "/")]
    [InlineData("/strip?id=1", "/?id=1")]
    public async Task A_rewrite_replaces_the_canonical_prefix_and_keeps_the_query(string target, string expected)
    {
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test");

        Assert.True(status == 200, response);
        Assert.EndsWith("rewritten", response.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(expected, host.Rewritten.ReceivedTargets.Last());
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Each_redirect_status_is_answered_by_the_appliance_itself(int status)
    {
        var before = host.Plain.Requests + host.Beta.Requests + host.Rewritten.Requests;
        var (answered, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", $"/r{status}/a/b?x=1", "old.test");

        Assert.Equal(status, answered);
        Assert.Equal("https://new.example.com/a/b?x=1", LocationOf(response));
        Assert.Equal(before, host.Plain.Requests + host.Beta.Requests + host.Rewritten.Requests);
    }

    [Fact]
    public async Task Redirects_answered_by_the_appliance_are_counted_per_route_and_status()
    {
        var before = await RedirectsCountedAsync("r307", 307);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(307, (await RawHttp.SendAsync(host.ProxyAddress, "GET", $"/r307/{i}", "old.test")).Status);
        }

        // A request another route forwards is not a redirect.
        Assert.Equal(200, (await RawHttp.SendAsync(host.ProxyAddress, "GET", "/r307/x", "site.test")).Status);

        Assert.Equal(before + 3, await RedirectsCountedAsync("r307", 307));
        Assert.Equal(0, await RedirectsCountedAsync("r307", 301));
    }

    [Theory]
    [InlineData("/ph/a/b?x=1", "http://old.test/moved/a/b?was=x=1")]
    [InlineData("/ph", "http://old.test/moved?was=")]
    [InlineData("//ph/./a;p/../b?x=1", "http://old.test/moved/b?was=x=1")]
    [InlineData("/ph%2Fa", "http://old.test/moved/a?was=")]
    [InlineData("/r301?q=1", "https://new.example.com?q=1")]
    [InlineData("/local/a?x=1", "/a")]
    [InlineData("/local//evil.test/x", "/evil.test/x")]
    // An encoded slash after a local location's "/" stays encoded: a browser reads "/%2Fx" as a path.
    [InlineData("/local/%2Fevil.test", "/%2Fevil.test")]
    [InlineData("/local/%5Cevil.test", "/%5Cevil.test")]
    // Placeholders are read in the operator's template only: one spelled in the request is data.
    [InlineData("/ph/{query}?a=1", "http://old.test/moved/%7Bquery%7D?was=a=1")]
    [InlineData("/ph/%7Bquery%7D?a=1", "http://old.test/moved/%7Bquery%7D?was=a=1")]
    [InlineData("/ph/{host}/{path}/{scheme}", "http://old.test/moved/%7Bhost%7D/%7Bpath%7D/%7Bscheme%7D?was=")]
    [InlineData("/ph/%7bhost%7d?{path}={query}", "http://old.test/moved/%7Bhost%7D?was={path}={query}")]
    [InlineData("/local/{query}?a=1", "/%7Bquery%7D")]
    public async Task Placeholders_are_filled_from_the_canonical_request(string target, string expected)
    {
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "old.test");

        Assert.True(status is 301 or 302, response);
        Assert.Equal(expected, LocationOf(response));
    }

    [Fact]
    public async Task A_host_placeholder_only_names_the_routes_own_hosts()
    {
        // Another Host header is another route (here none): {host} never echoes it.
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", "/ph/a", "evil.test");

        Assert.NotEqual(302, status);
        Assert.DoesNotContain("Location:", response, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"plain","weight":1}],"redirect":{"location":"/x","status":301,"keepQuery":true}}""", "targets")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[]}""", "targets")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[],"redirect":{"location":"javascript:alert(1)","status":301,"keepQuery":true}}""", "redirect.location")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[],"redirect":{"location":"//evil.test/{path}","status":301,"keepQuery":true}}""", "redirect.location")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[],"redirect":{"location":"https://{host}{path}","status":301,"keepQuery":true}}""", "redirect.location")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[],"redirect":{"location":"/x","status":303,"keepQuery":true}}""", "redirect.status")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"plain","weight":1}],"headers":[{"name":"X-A","values":["1"],"mode":"Sometimes"}]}""", "headers[0].mode")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"plain","weight":1}],"headers":[{"name":"X A","values":["1"],"mode":"Exact"}]}""", "headers[0].name")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"plain","weight":1}],"query":[{"name":"v","values":[],"mode":"Prefix"}]}""", "query[0].values")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"plain","weight":1}],"cookies":[{"name":"a=b","values":["1"],"mode":"Exact"}]}""", "cookies[0].name")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"plain","weight":1}],"rewritePath":"/../x"}""", "rewritePath")]
    public async Task Invalid_rules_are_refused_with_the_field_path(string json, string field)
    {
        using var response = await host.Api.PostAsync("/api/v1/routes", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Fact]
    public async Task Export_then_import_keeps_every_new_field_and_the_change_is_audited()
    {
        var exported = await host.Api.GetStringAsync("/api/v1/config");
        using var import = await host.Api.PutAsync("/api/v1/config", new StringContent(exported, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var again = await host.Api.GetStringAsync("/api/v1/config");
        Assert.Equal(Routes(exported), Routes(again));
        var rw = Route(again, "rw");
        Assert.Equal("/v2", rw.GetProperty("rewritePath").GetString());
        var ph = Route(again, "ph");
        Assert.Equal("{scheme}://{host}/moved{path}?was={query}", ph.GetProperty("redirect").GetProperty("location").GetString());
        Assert.False(ph.GetProperty("redirect").GetProperty("keepQuery").GetBoolean());
        Assert.Equal("NotExists", Route(again, "c-notexists").GetProperty("cookies")[0].GetProperty("mode").GetString());
        Assert.Equal("b", Route(again, "q-prefix").GetProperty("query")[0].GetProperty("values")[0].GetString());
        Assert.Equal("X-Beta", Route(again, "h-exact").GetProperty("headers")[0].GetProperty("name").GetString());

        // The route writes went through the one write path: the audit trail holds the new fields.
        var audit = await host.Api.GetStringAsync("/api/v1/audit?take=1000");
        Assert.Contains("\"rewritePath\":\"/v2\"", audit.Replace("\\u0022", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private async Task<long> RedirectsCountedAsync(string route, int status)
    {
        var metrics = await host.Api.GetStringAsync("/metrics");
        var sample = System.Text.RegularExpressions.Regex.Match(metrics, $"appliance_redirects_total\\{{route=\"{route}\",status=\"{status}\"\\}} (\\d+)\n");
        return sample.Success ? long.Parse(sample.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static string Routes(string document) => JsonDocument.Parse(document).RootElement.GetProperty("routes").GetRawText();

    private static JsonElement Route(string document, string name) =>
        JsonDocument.Parse(document).RootElement.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static string? LocationOf(string response) =>
        response.Split("\r\n").FirstOrDefault(l => l.StartsWith("Location:", StringComparison.OrdinalIgnoreCase))?["Location:".Length..].Trim();

    private async Task<string> BackendOfAsync(string target, string[] headers)
    {
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test", headers);
        Assert.True(status == 200, $"{target}: {status}\n{response}");
        return response.TrimEnd().Split('\n').Last().Trim();
    }

    /// <summary>Three backends: a plain catch-all, the conditioned routes' and the rewrites'.</summary>
    public sealed class RulesHost : ApplianceHost
    {
        public TestBackend Plain { get; private set; } = null!;

        public TestBackend Beta { get; private set; } = null!;

        public TestBackend Rewritten { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            (Plain, Beta, Rewritten) = (await TestBackend.StartAsync("plain"), await TestBackend.StartAsync("beta"), await TestBackend.StartAsync("rewritten"));
            foreach (var backend in new[] { Plain, Beta, Rewritten })
            {
                await AddPoolAsync(new { name = backend.Name, backends = new[] { new { address = backend.Address } } });
            }

            await AddRouteAsync(new { name = "plain", path = "/", targets = Target("plain") });
            foreach (var (kind, member, name) in new[] { ("h", "headers", "X-Beta"), ("q", "query", "variant"), ("c", "cookies", "beta") })
            {
                foreach (var mode in new[] { "Exact", "Prefix", "Contains", "NotContains", "Exists", "NotExists" })
                {
                    var condition = new[] { new { name, values = mode is "Exists" or "NotExists" ? Array.Empty<string>() : ["b"], mode } };
                    var route = new Dictionary<string, object>
                    {
                        ["name"] = $"{kind}-{mode.ToLowerInvariant()}",
                        ["path"] = $"/{kind}-{mode.ToLowerInvariant()}",
                        ["targets"] = Target("beta"),
                        [member] = condition,
                    };
                    await AddRouteAsync(route);
                }
            }

            await AddRouteAsync(new { name = "a-same", path = "/same", targets = Target("plain") });
            await AddRouteAsync(new { name = "z-same", path = "/same", targets = Target("beta"), headers = new[] { new { name = "X-Canary", values = new[] { "on" }, mode = "Exact" } } });
            await AddRouteAsync(new { name = "rw", path = "/api", rewritePath = "/v2", targets = Target("rewritten") });
            await AddRouteAsync(new { name = "strip", path = "/strip", rewritePath = "/", targets = Target("rewritten") });
            foreach (var status in new[] { 301, 302, 307, 308 })
            {
                await AddRouteAsync(new { name = $"r{status}", hosts = new[] { "old.test" }, path = $"/r{status}", targets = Array.Empty<object>(), redirect = new { location = "https://new.example.com{path}", status, keepQuery = true } });
            }

            await AddRouteAsync(new { name = "ph", hosts = new[] { "old.test" }, path = "/ph", targets = Array.Empty<object>(), redirect = new { location = "{scheme}://{host}/moved{path}?was={query}", status = 302, keepQuery = false } });
            await AddRouteAsync(new { name = "local", hosts = new[] { "old.test" }, path = "/local", targets = Array.Empty<object>(), redirect = new { location = "/{path}", status = 302, keepQuery = false } });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Plain.DisposeAsync();
            await Beta.DisposeAsync();
            await Rewritten.DisposeAsync();
            await base.DisposeAsync();
        }

        private static object[] Target(string pool) => [new { pool, weight = 1 }];
    }
}
