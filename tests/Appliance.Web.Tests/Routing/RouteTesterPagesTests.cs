using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// The route tester's answer for the page behind the appliance's own statuses (the route's page,
/// else the global one, else the default), each compared with the body the data plane really sends,
/// and for HTTPS URLs whose server name a TLS passthrough stream owns.
/// </summary>
public sealed class RouteTesterPagesTests(RouteTesterPagesTests.PagesTesterHost host) : IClassFixture<RouteTesterPagesTests.PagesTesterHost>
{
    [Theory]
    // url, outcome, status, page source, page name (null: default), the body the data plane sends
    [InlineData("http://site.test/denied/x", "denied", 403, "route", "denied-403", "route 403")]
    [InlineData("http://nowhere.test/x", "notFound", 404, "global", "global-404", "global 404")]
    [InlineData("http://site.test/maint/x", "maintenance", 503, "default", null, "<!doctype html>")]
    [InlineData("http://site.test/owned/x", "maintenance", 503, "route", "owned-503", "owned 503")]
    public async Task The_page_for_the_outcomes_status_is_the_one_the_data_plane_serves(string url, string outcome, int status, string source, string? name, string bodyStart)
    {
        var answer = await TestAsync(new { url, clientIp = "127.0.0.1" });
        var page = answer.GetProperty("errorPage");

        Assert.Equal(outcome, answer.GetProperty("outcome").GetString());
        Assert.Equal(status, page.GetProperty("status").GetInt32());
        Assert.Equal(source, page.GetProperty("source").GetString());
        Assert.Equal(name, page.GetProperty("name").GetString());

        var uri = new Uri(url);
        using var client = host.CreateProxyClient();
        using var served = await client.GetWithHostAsync(uri.Host, uri.PathAndQuery);
        Assert.Equal(status, (int)served.StatusCode);
        Assert.StartsWith(bodyStart, await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://site.test/x")]
    [InlineData("http://site.test/moved/x")]
    public async Task A_forwarded_or_redirected_request_names_no_page(string url)
    {
        var answer = await TestAsync(new { url });

        Assert.True(answer.GetProperty("outcome").GetString() is "forward" or "redirect", answer.ToString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("errorPage").ValueKind);
    }

    [Theory]
    [InlineData("https://db.test/x", "db")]
    [InlineData("https://DB.test:443/anything?q=1", "db")]
    [InlineData("https://eu.replica.test/", "replicas")]
    public async Task An_https_url_on_a_passthrough_streams_server_name_is_passed_through_not_routed(string url, string stream)
    {
        var answer = await TestAsync(new { url });

        Assert.Equal("passthrough", answer.GetProperty("outcome").GetString());
        Assert.Equal(stream, answer.GetProperty("passthrough").GetProperty("stream").GetString());
        Assert.Equal("db-pool", answer.GetProperty("passthrough").GetProperty("pool").GetString());
        Assert.Null(answer.GetProperty("route").GetString());
        Assert.Empty(answer.GetProperty("candidates").EnumerateArray());
    }

    [Theory]
    [InlineData("http://db.test/x")]
    [InlineData("https://replica.test/x")]
    [InlineData("https://a.b.replica.test/x")]
    [InlineData("https://site.test/x")]
    public async Task Plain_HTTP_or_another_server_name_is_routed_as_usual(string url)
    {
        var answer = await TestAsync(new { url });

        Assert.NotEqual("passthrough", answer.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("passthrough").ValueKind);
    }

    private async Task<JsonElement> TestAsync(object request)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/routes/test", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>Routes that answer 403 and 503 themselves, a global 404 page, route pages, and two passthrough streams.</summary>
    public sealed class PagesTesterHost : ApplianceHost
    {
        public TestBackend Backend { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Backend = await TestBackend.StartAsync("backend");
            await AddPoolAsync(new { name = "backend", backends = new[] { new { address = Backend.Address } } });
            await AddPoolAsync(new { name = "db-pool", backends = new[] { new { address = $"http://127.0.0.1:{Ports.Unused()}" } } });
            await PostAsync("/api/v1/access-lists", new { name = "deny-all", defaultAction = "Deny" });
            var site = new[] { "site.test" };
            var maintenance = new { enabled = true, retryAfterSeconds = 30, allow = Array.Empty<string>() };
            await AddRouteAsync(new { name = "plain", hosts = site, path = "/", targets = Target("backend") });
            await AddRouteAsync(new { name = "denied", hosts = site, path = "/denied", targets = Target("backend"), accessList = "deny-all" });
            await AddRouteAsync(new { name = "maint", hosts = site, path = "/maint", targets = Target("backend"), maintenance });
            await AddRouteAsync(new { name = "owned", hosts = site, path = "/owned", targets = Target("backend"), maintenance });
            await AddRouteAsync(new { name = "moved", hosts = site, path = "/moved", targets = Array.Empty<object>(), redirect = new { location = "/new{path}", status = 301, keepQuery = true } });
            await PostAsync("/api/v1/error-pages", new { name = "global-404", status = 404, html = "global {status}" });
            await PostAsync("/api/v1/error-pages", new { name = "denied-403", status = 403, route = "denied", html = "route {status}" });
            await PostAsync("/api/v1/error-pages", new { name = "owned-503", status = 503, route = "owned", html = "owned {status}" });
            await PostAsync("/api/v1/streams", new { name = "db", sniHosts = new[] { "db.test" }, pool = "db-pool" });
            await PostAsync("/api/v1/streams", new { name = "replicas", sniHosts = new[] { "*.replica.test" }, pool = "db-pool" });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Backend.DisposeAsync();
            await base.DisposeAsync();
        }

        private async Task PostAsync(string path, object body)
        {
            using var response = await Api.PostAsJsonAsync(path, body);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        }

        private static object[] Target(string pool) => [new { pool, weight = 1 }];
    }
}
