using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// Custom error pages on real sockets: the unmatched 404, an access list's 403, a rate limit's 429,
/// a dead pool's 502 and an empty one's 503, maintenance's 503; the route's page over the global
/// one, the default where neither exists, placeholders filled and escaped, a backend's own 503
/// untouched; and the API's refusals, the route delete it blocks, and export/import.
/// </summary>
public sealed class ErrorPagesTests(ErrorPagesTests.PagesHost host) : IClassFixture<ErrorPagesTests.PagesHost>
{
    [Fact]
    public async Task A_request_no_route_takes_gets_the_global_404_page()
    {
        var (response, body) = await GetAsync("nowhere.test", "/x");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"<html>global 404 Not Found {RequestId(response)}</html>", body);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task An_access_lists_403_gets_the_routes_page()
    {
        var (response, body) = await GetAsync("site.test", "/denied/x");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("<p>route 403 Forbidden</p><style>body { color: red }</style>", body);
    }

    [Fact]
    public async Task A_rate_limits_429_gets_the_global_page_with_Retry_After()
    {
        HttpResponseMessage? limited = null;
        string body = "";
        for (var i = 0; i < 5 && limited is null; i++)
        {
            var (response, text) = await GetAsync("site.test", "/limited/x");
            (limited, body) = response.StatusCode == HttpStatusCode.TooManyRequests ? (response, text) : (null, "");
        }

        Assert.NotNull(limited);
        Assert.Equal("global 429", body);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_dead_pools_502_and_an_empty_pools_503_get_the_global_pages_and_name_no_backend()
    {
        var (dead, deadBody) = await GetAsync("site.test", "/dead/x");
        var (empty, emptyBody) = await GetAsync("site.test", "/empty/x");

        Assert.Equal(HttpStatusCode.BadGateway, dead.StatusCode);
        Assert.Equal("global 502", deadBody);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, empty.StatusCode);
        Assert.Equal($"global 503 Service Unavailable {RequestId(empty)}", emptyBody);
    }

    [Fact]
    public async Task The_routes_own_503_page_wins_over_the_global_one_for_maintenance()
    {
        var (own, ownBody) = await GetAsync("site.test", "/owned/x");
        var (other, otherBody) = await GetAsync("site.test", "/maint/x");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, own.StatusCode);
        Assert.Equal("<h1>owned is resting</h1>", ownBody);
        Assert.NotNull(own.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, other.StatusCode);
        Assert.Equal($"global 503 Service Unavailable {RequestId(other)}", otherBody);
    }

    [Fact]
    public async Task A_status_without_a_page_keeps_the_default_and_a_HEAD_gets_no_body()
    {
        // 401 has no custom page: basic auth asks with the default one.
        var (unauthorized, body) = await GetAsync("site.test", "/signin/x");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Contains("<h1>401 Unauthorized</h1>", body, StringComparison.Ordinal);

        using var client = host.CreateProxyClient();
        using var head = new HttpRequestMessage(HttpMethod.Head, "/x");
        head.Headers.Host = "nowhere.test";
        using var response = await client.SendAsync(head);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_backends_own_503_passes_through_untouched()
    {
        host.Backend.Healthy = false;
        try
        {
            var (response, body) = await GetAsync("site.test", "/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.DoesNotContain("global 503", body, StringComparison.Ordinal);
            Assert.Empty(body);
        }
        finally
        {
            host.Backend.Healthy = true;
        }
    }

    [Fact]
    public async Task A_backend_slower_than_the_backend_timeout_gets_the_routes_504_page()
    {
        // The backend holds /slow answers until the gate opens; the proxy gives up after 1 s.
        host.Backend.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var (response, body) = await GetAsync("site.test", "/slow/x");

            Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
            Assert.Equal("<p>slow 504 Gateway Timeout</p>", body);
            Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        }
        finally
        {
            host.Backend.Gate.TrySetResult();
        }
    }

    [Fact]
    public async Task A_new_global_page_is_live_with_its_revision_and_a_route_page_then_wins_for_its_route()
    {
        await host.SaveAsync(new { name = "late-504", status = 504, html = "global 504" });
        await host.SaveAsync(new { name = "late-route-502", status = 502, route = "dead", html = "dead route 502 {status}" });
        await host.WaitForLiveConfigAsync();

        var (dead, body) = await GetAsync("site.test", "/dead/x");
        Assert.Equal(HttpStatusCode.BadGateway, dead.StatusCode);
        Assert.Equal("dead route 502 502", body);

        using var delete = await host.Api.DeleteAsync("/api/v1/error-pages/late-route-502");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await host.WaitForLiveConfigAsync();
        Assert.Equal("global 502", (await GetAsync("site.test", "/dead/x")).Body);
    }

    [Theory]
    [InlineData("""{"name":"bad","status":500,"html":"x"}""", "status", "403, 404, 429, 502, 503, 504")]
    [InlineData("""{"name":"bad","status":503,"route":"missing","html":"x"}""", "route", "no route named 'missing'")]
    [InlineData("""{"name":"bad","status":503,"html":" "}""", "html", "is required")]
    [InlineData("""{"name":"bad","status":404,"route":"owned","html":"x"}""", "status", "make the 404 page global")]
    [InlineData("""{"name":"bad","status":503,"route":"owned","html":"x"}""", "status", "already has a 503 page: 'owned-503'")]
    [InlineData("""{"name":"bad","status":503,"html":"x"}""", "status", "already is a global 503 page: 'global-503'")]
    [InlineData("""{"name":"Bad Name","status":503,"html":"x"}""", "name", "lower-case")]
    public async Task Invalid_pages_are_refused_with_the_field(string json, string field, string message)
    {
        using var response = await host.Api.PostAsync("/api/v1/error-pages", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out var messages), body);
        Assert.Contains(message, messages.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_over_64_KiB_is_refused()
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/error-pages", new { name = "huge", status = 504, route = "owned", html = new string('é', 33 * 1024) });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("64 KiB", JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("html").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_with_pages_cannot_be_deleted()
    {
        using var response = await host.Api.DeleteAsync("/api/v1/routes/owned");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("error page 'owned-503'", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_then_import_keeps_every_page()
    {
        var exported = await host.Api.GetStringAsync("/api/v1/config");
        using var import = await host.Api.PutAsync("/api/v1/config", new StringContent(exported, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var again = await host.Api.GetStringAsync("/api/v1/config");
        var pages = JsonDocument.Parse(again).RootElement.GetProperty("errorPages");
        Assert.Equal(JsonDocument.Parse(exported).RootElement.GetProperty("errorPages").GetRawText(), pages.GetRawText());
        var owned = pages.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "owned-503");
        Assert.Equal(("owned", 503, "<h1>owned is resting</h1>"),
            (owned.GetProperty("route").GetString(), owned.GetProperty("status").GetInt32(), owned.GetProperty("html").GetString()));
    }

    private static string RequestId(HttpResponseMessage response) => response.Headers.GetValues("X-Request-Id").Single();

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string hostHeader, string path)
    {
        using var client = host.CreateProxyClient();
        var response = await client.GetWithHostAsync(hostHeader, path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Routes that each make the appliance answer with one of its own pages, and pages for most of them.</summary>
    public sealed class PagesHost : ApplianceHost
    {
        public TestBackend Backend { get; private set; } = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:BackendTimeoutSeconds"] = "1",
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Backend = await TestBackend.StartAsync("backend");
            await AddPoolAsync(new { name = "backend", backends = new[] { new { address = Backend.Address } } });
            await AddPoolAsync(new { name = "nobody", backends = new[] { new { address = $"http://127.0.0.1:{Ports.Unused()}" } } });
            await AddPoolAsync(new { name = "empty", backends = Array.Empty<object>() });
            await PostAsync("/api/v1/access-lists", new { name = "deny-all", defaultAction = "Deny" });
            await PostAsync("/api/v1/access-lists", new { name = "sign-in", basicAuthUsers = new[] { new { user = "ops", password = "a long enough password" } } });
            await PostAsync("/api/v1/rate-limits", new { name = "one", permits = 1, periodSeconds = 600, burst = 1 });
            var maintenance = new { enabled = true, retryAfterSeconds = 30, allow = Array.Empty<string>() };
            await AddRouteAsync(new { name = "denied", hosts = new[] { "site.test" }, path = "/denied", targets = Target("backend"), accessList = "deny-all" });
            await AddRouteAsync(new { name = "signin", hosts = new[] { "site.test" }, path = "/signin", targets = Target("backend"), accessList = "sign-in" });
            await AddRouteAsync(new { name = "limited", hosts = new[] { "site.test" }, path = "/limited", targets = Target("backend"), rateLimit = "one" });
            await AddRouteAsync(new { name = "dead", hosts = new[] { "site.test" }, path = "/dead", targets = Target("nobody") });
            await AddRouteAsync(new { name = "empty", hosts = new[] { "site.test" }, path = "/empty", targets = Target("empty") });
            await AddRouteAsync(new { name = "owned", hosts = new[] { "site.test" }, path = "/owned", targets = Target("backend"), maintenance });
            await AddRouteAsync(new { name = "maint", hosts = new[] { "site.test" }, path = "/maint", targets = Target("backend"), maintenance });
            await AddRouteAsync(new { name = "slow", hosts = new[] { "site.test" }, path = "/slow", targets = Target("backend") });
            await AddRouteAsync(new { name = "pass", hosts = new[] { "site.test" }, path = "/", targets = Target("backend") });
            await SaveAsync(new { name = "global-404", status = 404, html = "<html>global {status} {reason} {request_id}</html>" });
            await SaveAsync(new { name = "global-429", status = 429, html = "global 429" });
            await SaveAsync(new { name = "global-502", status = 502, html = "global 502" });
            await SaveAsync(new { name = "global-503", status = 503, html = "global {status} {reason} {request_id}" });
            await SaveAsync(new { name = "denied-403", status = 403, route = "denied", html = "<p>route {status} {reason}</p><style>body { color: red }</style>" });
            await SaveAsync(new { name = "owned-503", status = 503, route = "owned", html = "<h1>owned is resting</h1>" });
            await SaveAsync(new { name = "slow-504", status = 504, route = "slow", html = "<p>slow {status} {reason}</p>" });
            await WaitForLiveConfigAsync();
        }

        public Task SaveAsync(object page) => PostAsync("/api/v1/error-pages", page);

        public override async Task DisposeAsync()
        {
            await Backend.DisposeAsync();
            await base.DisposeAsync();
        }

        private async Task PostAsync(string path, object body)
        {
            using var response = await Api.PostAsJsonAsync(path, body);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        private static object[] Target(string pool) => [new { pool, weight = 1 }];
    }
}
