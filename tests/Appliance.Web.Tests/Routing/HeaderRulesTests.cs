using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// Request and response header rules against a real Kestrel backend: each placeholder as the
/// backend sees it, removals, a Host set to a name and to the client's own, response rules on
/// forwarded answers, on cache hits (each hit its own request id) and on the appliance's own
/// pages, and the names and values the API refuses, each with its field.
/// </summary>
public sealed class HeaderRulesTests(HeaderRulesTests.RulesHost host) : IClassFixture<HeaderRulesTests.RulesHost>
{
    [Fact]
    public async Task Request_rules_set_each_placeholder_and_remove_at_the_backend()
    {
        var (response, seen) = await SendAsync("/req/x", "site.test", ("X-Debug", "1"), ("X-Env", "client"), ("X-Forwarded-For", "203.0.113.9"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("prod", seen["X-Env"]);

        // The settled address: the stray X-Forwarded-For of an untrusted client is not believed.
        Assert.Equal("127.0.0.1", seen["X-Client"]);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), seen["X-Req"]);
        Assert.Equal(seen["X-Request-Id"], seen["X-Req"]);
        Assert.Equal("site.test", seen["X-Host"]);
        Assert.Equal("ip=127.0.0.1; id=" + seen["X-Request-Id"], seen["X-Both"]);
        Assert.False(seen.ContainsKey("X-Debug"));
    }

    [Theory]
    [InlineData("//req/x")]
    [InlineData("/req/./x")]
    [InlineData("/req;p/x")]
    [InlineData("/%72eq/x")]
    public async Task Request_rules_hold_for_odd_spellings_of_the_routes_path(string target)
    {
        var probe = Guid.NewGuid().ToString("N");
        var (status, _) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test", "X-Debug: 1", $"X-Probe: {probe}");

        Assert.Equal(200, status);
        var seen = host.Echo.ReceivedHeaders.Single(h => h.GetValueOrDefault("X-Probe") == probe);
        Assert.Equal("prod", seen["X-Env"]);
        Assert.False(seen.ContainsKey("X-Debug"));
    }

    [Fact]
    public async Task A_Host_rule_sends_the_backend_that_host_or_the_clients_own()
    {
        var (_, fixedHost) = await SendAsync("/host-fixed/x", "site.test");
        var (_, clientHost) = await SendAsync("/host-client/x", "site.test:8080");
        var (_, plain) = await SendAsync("/plain/x", "site.test");

        Assert.Equal("backend.internal:8443", fixedHost["Host"]);
        Assert.Equal("site.test:8080", clientHost["Host"]);

        // Without a rule the backend gets its own address as Host, as before; the client's stays in X-Forwarded-Host.
        Assert.Equal(new Uri(host.Echo.Address).Authority, plain["Host"]);
        Assert.Equal("site.test", plain["X-Forwarded-Host"]);
    }

    [Fact]
    public async Task Response_rules_set_and_remove_on_a_forwarded_answer()
    {
        var (response, _) = await SendAsync("/resp/x", "site.test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), response.Headers.GetValues("X-Served-By").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("X-Backend"));
    }

    [Fact]
    public async Task Response_rules_hold_on_cache_hits_with_each_hits_own_request_id()
    {
        using var client = host.CreateProxyClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await client.GetWithHostAsync("site.test", "/cached/page"));
        }

        Assert.StartsWith("Appliance; hit", CacheStatus(answers[1]), StringComparison.Ordinal);
        Assert.StartsWith("Appliance; hit", CacheStatus(answers[2]), StringComparison.Ordinal);
        var ids = answers.Select(a => a.Headers.GetValues("X-Served-By").Single()).ToArray();
        Assert.Equal(answers.Select(a => a.Headers.GetValues("X-Request-Id").Single()), ids);
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(answers, a => Assert.False(a.Headers.Contains("X-Backend")));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Response_rules_hold_on_the_appliances_own_pages()
    {
        // The route's pool refuses connections: the 502 is the appliance's page, with the route's rules.
        using var client = host.CreateProxyClient();
        using var response = await client.GetWithHostAsync("site.test", "/dead/x");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), response.Headers.GetValues("X-Served-By").Single());
    }

    public static TheoryData<string> FramingNames => new() { "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length", "content-length", "Content-Encoding" };

    [Theory]
    [MemberData(nameof(FramingNames))]
    public async Task Each_framing_or_hop_by_hop_name_is_refused_on_either_side_with_its_field(string name)
    {
        foreach (var side in new[] { "requestHeaders", "responseHeaders" })
        {
            var set = await PostRouteAsync(new Dictionary<string, object> { [side] = new { set = new Dictionary<string, string> { [name] = "x" }, remove = Array.Empty<string>() } });
            AssertRefused(set, $"{side}.set.{name}", "hop-by-hop or framing", "how the body");
            var remove = await PostRouteAsync(new Dictionary<string, object> { [side] = new { set = new Dictionary<string, string>(), remove = new[] { name } } });
            AssertRefused(remove, $"{side}.remove[0]", "hop-by-hop or framing", "how the body");
        }
    }

    [Theory]
    [InlineData("requestHeaders", "X-Evil", "a\r\nInjected: 1", "requestHeaders.set.X-Evil", "line breaks")]
    [InlineData("responseHeaders", "X-Evil", "a\nSet-Cookie: s=1", "responseHeaders.set.X-Evil", "line breaks")]
    [InlineData("requestHeaders", "X-Evil", "a\u0000b", "requestHeaders.set.X-Evil", "control characters")]
    [InlineData("requestHeaders", "X-Evil", "caf\u00e9", "requestHeaders.set.X-Evil", "printable ASCII")]
    [InlineData("requestHeaders", "X-User", "{user}", "requestHeaders.set.X-User", "{client_ip}, {request_id}, {host}")]
    [InlineData("requestHeaders", "X Bad", "1", "requestHeaders.set.X Bad", "not a valid header name")]
    [InlineData("requestHeaders", "X-Forwarded-For", "1.2.3.4", "requestHeaders.set.X-Forwarded-For", "made-up one")]
    [InlineData("requestHeaders", "X-Request-Id", "x", "requestHeaders.set.X-Request-Id", "request id")]
    [InlineData("requestHeaders", "Host", "{client_ip}", "requestHeaders.set.Host", "only {host} fits")]
    [InlineData("requestHeaders", "Host", "a/b", "requestHeaders.set.Host", "host name or address")]
    [InlineData("responseHeaders", "Set-Cookie", "s=1", "responseHeaders.set.Set-Cookie", "sticky-target cookie")]
    [InlineData("responseHeaders", "Cache-Status", "x", "responseHeaders.set.Cache-Status", "cache's own account")]
    [InlineData("responseHeaders", "Strict-Transport-Security", "max-age=1", "responseHeaders.set.Strict-Transport-Security", "hstsMaxAgeSeconds")]
    [InlineData("responseHeaders", "X-Empty", "", "responseHeaders.set.X-Empty", "list it under remove")]
    public async Task Unsafe_values_and_names_are_refused_with_the_field(string side, string name, string value, string field, string message)
    {
        using var response = await PostRouteAsync(new Dictionary<string, object> { [side] = new { set = new Dictionary<string, string> { [name] = value }, remove = Array.Empty<string>() } });

        AssertRefused(response, field, message);
    }

    [Theory]
    [InlineData("requestHeaders", "Host", "requestHeaders.remove[0]", "every request names its host")]
    [InlineData("responseHeaders", "Cache-Status", "responseHeaders.remove[0]", "cache's own account")]
    [InlineData("responseHeaders", "Set-Cookie", "responseHeaders.remove[0]", "sticky-target cookie")]
    [InlineData("responseHeaders", "X-Request-Id", "responseHeaders.remove[0]", "request id")]
    public async Task Removing_what_the_appliance_relies_on_is_refused(string side, string name, string field, string message)
    {
        using var response = await PostRouteAsync(new Dictionary<string, object> { [side] = new { set = new Dictionary<string, string>(), remove = new[] { name } } });

        AssertRefused(response, field, message);
    }

    [Fact]
    public async Task A_name_both_set_and_removed_and_too_many_rules_are_refused()
    {
        using var both = await PostRouteAsync(new Dictionary<string, object> { ["requestHeaders"] = new { set = new Dictionary<string, string> { ["X-Env"] = "1" }, remove = new[] { "x-env" } } });
        AssertRefused(both, "requestHeaders.set.X-Env", "both set and removed");

        var many = Enumerable.Range(0, 33).ToDictionary(i => $"X-H{i}", _ => "1");
        using var tooMany = await PostRouteAsync(new Dictionary<string, object> { ["responseHeaders"] = new { set = many, remove = Array.Empty<string>() } });
        AssertRefused(tooMany, "responseHeaders", "At most 32");
    }

    [Fact]
    public async Task The_security_headers_names_are_refused_only_while_the_route_sets_them()
    {
        var rules = new { set = new Dictionary<string, string> { ["X-Frame-Options"] = "DENY" }, remove = Array.Empty<string>() };
        using var refused = await PostRouteAsync(new Dictionary<string, object> { ["securityHeaders"] = true, ["responseHeaders"] = rules });
        AssertRefused(refused, "responseHeaders.set.X-Frame-Options", "securityHeaders");

        using var accepted = await PostRouteAsync(new Dictionary<string, object> { ["responseHeaders"] = rules });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Export_then_import_keeps_the_header_rules()
    {
        var exported = await host.Api.GetStringAsync("/api/v1/config");
        using var import = await host.Api.PutAsync("/api/v1/config", new StringContent(exported, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var again = await host.Api.GetStringAsync("/api/v1/config");
        var req = Route(again, "req");
        Assert.Equal("{request_id}", req.GetProperty("requestHeaders").GetProperty("set").GetProperty("X-Req").GetString());
        Assert.Equal("X-Debug", req.GetProperty("requestHeaders").GetProperty("remove")[0].GetString());
        Assert.Equal("X-Backend", Route(again, "resp").GetProperty("responseHeaders").GetProperty("remove")[0].GetString());
        Assert.Equal(Routes(exported), Routes(again));
    }

    private static string Routes(string document) => JsonDocument.Parse(document).RootElement.GetProperty("routes").GetRawText();

    private static JsonElement Route(string document, string name) =>
        JsonDocument.Parse(document).RootElement.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static string CacheStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Status", out var values) ? values.Single() : "";

    private static void AssertRefused(HttpResponseMessage response, string field, params string[] anyOf)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out var messages), body);
        Assert.True(anyOf.Any(m => messages.GetRawText().Contains(m, StringComparison.Ordinal)), body);
    }

    private async Task<HttpResponseMessage> PostRouteAsync(Dictionary<string, object> fields)
    {
        fields["name"] = "bad-" + Guid.NewGuid().ToString("N")[..8];
        fields["path"] = "/bad-" + Guid.NewGuid().ToString("N")[..8];
        fields["targets"] = new[] { new { pool = "echo", weight = 1 } };
        var response = await host.Api.PostAsJsonAsync("/api/v1/routes", fields);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    // One request, with a probe header that finds it among the requests the backend received.
    private async Task<(HttpResponseMessage Response, IReadOnlyDictionary<string, string> Seen)> SendAsync(string path, string hostHeader, params (string Name, string Value)[] headers)
    {
        var probe = Guid.NewGuid().ToString("N");
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = hostHeader;
        request.Headers.Add("X-Probe", probe);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        var seen = host.Echo.ReceivedHeaders.SingleOrDefault(h => h.GetValueOrDefault("X-Probe") == probe);
        return (response, seen ?? new Dictionary<string, string>());
    }

    /// <summary>One echoing backend behind routes with header rules, a cached path, and a route to a port nobody listens on.</summary>
    public sealed class RulesHost : ApplianceHost
    {
        public TestBackend Echo { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Echo = await TestBackend.StartAsync("echo");
            await AddPoolAsync(new { name = "echo", backends = new[] { new { address = Echo.Address } } });
            await AddPoolAsync(new { name = "nobody", backends = new[] { new { address = $"http://127.0.0.1:{Ports.Unused()}" } } });
            var served = new { set = new Dictionary<string, string> { ["X-Served-By"] = "{request_id}" }, remove = new[] { "X-Backend" } };
            await AddRouteAsync(new
            {
                name = "req",
                path = "/req",
                targets = Target("echo"),
                requestHeaders = new
                {
                    set = new Dictionary<string, string>
                    {
                        ["X-Env"] = "prod",
                        ["X-Client"] = "{client_ip}",
                        ["X-Req"] = "{request_id}",
                        ["X-Host"] = "{host}",
                        ["X-Both"] = "ip={client_ip}; id={request_id}",
                    },
                    remove = new[] { "X-Debug" },
                },
            });
            await AddRouteAsync(new { name = "host-fixed", path = "/host-fixed", targets = Target("echo"), requestHeaders = new { set = new Dictionary<string, string> { ["Host"] = "backend.internal:8443" }, remove = Array.Empty<string>() } });
            await AddRouteAsync(new { name = "host-client", path = "/host-client", targets = Target("echo"), requestHeaders = new { set = new Dictionary<string, string> { ["Host"] = "{host}" }, remove = Array.Empty<string>() } });
            await AddRouteAsync(new { name = "plain", path = "/plain", targets = Target("echo") });
            await AddRouteAsync(new
            {
                name = "resp",
                path = "/resp",
                targets = Target("echo"),
                responseHeaders = new { set = new Dictionary<string, string> { ["X-Served-By"] = "{request_id}", ["X-Content-Type-Options"] = "nosniff" }, remove = new[] { "X-Backend" } },
            });
            await AddRouteAsync(new { name = "cached", path = "/cached", targets = Target("echo"), responseHeaders = served });
            await AddRouteAsync(new { name = "dead", path = "/dead", targets = Target("nobody"), responseHeaders = served });
            using var rule = await Api.PostAsJsonAsync("/api/v1/cache-rules", new { name = "cached", route = "cached", match = "/cached", mode = "DefaultTtl", defaultTtlSeconds = 300 });
            rule.EnsureSuccessStatusCode();
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Echo.DisposeAsync();
            await base.DisposeAsync();
        }

        private static object[] Target(string pool) => [new { pool, weight = 1 }];
    }
}
