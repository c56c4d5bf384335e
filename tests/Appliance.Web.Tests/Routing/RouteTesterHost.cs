using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>Routes of every kind the route tester explains, over three backends; one host for <see cref="RouteTesterCollection"/>.</summary>
public sealed class RouteTesterHost : ApplianceHost
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

    /// <summary>The tester's answer for <paramref name="request"/>, which must be a 200.</summary>
    public async Task<JsonElement> TestAsync(object request)
    {
        using var response = await Api.PostAsJsonAsync("/api/v1/routes/test", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>The tester's word on one route.</summary>
    public static JsonElement Candidate(JsonElement answer, string route) =>
        answer.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("route").GetString() == route);

    /// <summary>Which backend the data plane really sends <paramref name="target"/> to (each backend answers its name last).</summary>
    public async Task<string> BackendOfAsync(string target, string hostName, string[] headers)
    {
        var (status, response) = await RawHttp.SendAsync(ProxyAddress, "GET", target, hostName, headers);
        Assert.True(status == 200, $"{target}: {status}\n{response}");
        return response.TrimEnd().Split('\n').Last().Trim();
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
