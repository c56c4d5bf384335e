using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// <c>POST /api/v1/routes/test</c>, which route takes a request: for each condition mode, route
/// order, the rewrite of odd spellings, no route at all and refused paths, the tool's answer is
/// compared with what the data plane really does with the same request over a socket, so the tool
/// cannot drift from the proxy it explains. Decisions after the match are in
/// <see cref="RouteTesterDecisionTests"/>, on the same host.
/// </summary>
[Collection(RouteTesterCollection.Name)]
public sealed class RouteTesterMatchingTests(RouteTesterHost host)
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

        var answer = await host.TestAsync(new { method = "GET", url, headers, clientIp = "198.51.100.7" });
        var target = url["http://site.test".Length..];
        var served = await host.BackendOfAsync(target, "site.test", raw);

        Assert.Equal(served == "beta" ? route : "plain", answer.GetProperty("route").GetString());
        Assert.Equal("forward", answer.GetProperty("outcome").GetString());
        var candidate = RouteTesterHost.Candidate(answer, route);
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
        var answer = await host.TestAsync(new { url = "http://site.test/same/x", headers = new Dictionary<string, string> { ["X-Canary"] = "on" } });

        Assert.Equal("z-same", answer.GetProperty("route").GetString());
        Assert.Equal("matches too, but 'z-same' is tried first", RouteTesterHost.Candidate(answer, "a-same").GetProperty("reason").GetString());
        Assert.False(RouteTesterHost.Candidate(answer, "plain").GetProperty("matched").GetBoolean());
        Assert.Equal("beta", await host.BackendOfAsync("/same/x", "site.test", ["X-Canary: on"]));
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
        var answer = await host.TestAsync(new { url = "http://site.test" + target });

        Assert.Equal("rw", answer.GetProperty("route").GetString());
        Assert.Equal(forwarded, answer.GetProperty("forwardPath").GetString());
        Assert.Equal("rewritten", answer.GetProperty("targets")[0].GetProperty("pool").GetString());
        await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test");
        Assert.Equal(forwarded, host.Rewritten.ReceivedTargets.Last());
    }

    [Fact]
    public async Task No_route_for_the_host_is_a_404_with_each_route_saying_why()
    {
        var answer = await host.TestAsync(new { url = "http://elsewhere.test/x" });

        Assert.Equal("notFound", answer.GetProperty("outcome").GetString());
        Assert.Equal(404, answer.GetProperty("status").GetInt32());
        Assert.Equal("host 'elsewhere.test' is not 'site.test'", RouteTesterHost.Candidate(answer, "plain").GetProperty("reason").GetString());
        var (status, _) = await RawHttp.SendAsync(host.ProxyAddress, "GET", "/x", "elsewhere.test");
        Assert.Equal(404, status);
    }

    [Theory]
    [InlineData("/a%00b")]
    [InlineData("/a/..%2F..%2Fb")]
    public async Task A_path_the_data_plane_refuses_is_rejected_before_routing(string target)
    {
        var answer = await host.TestAsync(new { url = "http://site.test" + target });

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
}
