using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// Maintenance against a real backend: the 503 page with Retry-After for everyone not allowed,
/// the allowed range passing through, a stray X-Forwarded-For that cannot claim it, an access
/// list's 403 still first, no cached answer for those kept out, the counter, and turning it off.
/// Every client here is 127.0.0.1 and no proxy is trusted.
/// </summary>
public sealed class MaintenanceTests(MaintenanceTests.MaintenanceHost host) : IClassFixture<MaintenanceTests.MaintenanceHost>
{
    [Fact]
    public async Task Clients_not_allowed_get_503_with_Retry_After_and_the_maintenance_page_and_the_backend_is_not_asked()
    {
        var before = host.Backend.Requests;
        using var client = host.CreateProxyClient();
        using var response = await client.GetWithHostAsync("site.test", "/closed/page");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), response.Headers.RetryAfter?.Delta);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("Cache-Status"));
        Assert.Contains("down for maintenance", body, StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("X-Request-Id").Single(), body, StringComparison.Ordinal);
        Assert.Equal(before, host.Backend.Requests);
    }

    [Theory]
    [InlineData("//closed/page")]
    [InlineData("/closed/./page")]
    [InlineData("/closed;p/page")]
    [InlineData("/%63losed/page")]
    [InlineData("/closed%2Fpage")]
    public async Task Odd_spellings_of_the_path_are_in_maintenance_too(string target)
    {
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test");

        Assert.True(status == 503, response);
        Assert.Contains("Retry-After: 120", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allowed_range_reaches_the_backend()
    {
        using var client = host.CreateProxyClient();
        using var response = await client.GetWithHostAsync("site.test", "/open/page");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("backend", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("X-Forwarded-For: 203.0.113.5")]
    [InlineData("X-Real-IP: 203.0.113.5")]
    [InlineData("Forwarded: for=203.0.113.5")]
    [InlineData("True-Client-IP: 203.0.113.5")]
    public async Task A_stray_forwarding_header_from_an_untrusted_client_cannot_claim_an_allowed_address(string header)
    {
        // "closed" allows 203.0.113.0/24; the client is 127.0.0.1 whatever it claims.
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", "/closed/page", "site.test", header);

        Assert.True(status == 503, response);
    }

    [Fact]
    public async Task An_address_the_access_list_denies_still_gets_its_403()
    {
        using var client = host.CreateProxyClient();
        using var response = await client.GetWithHostAsync("site.test", "/guarded/page");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task A_cached_answer_is_not_served_during_maintenance_and_serving_resumes_when_it_is_turned_off()
    {
        using var client = host.CreateProxyClient();
        using (var first = await client.GetWithHostAsync("site.test", "/toggle/cached"))
        using (var hit = await client.GetWithHostAsync("site.test", "/toggle/cached"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.StartsWith("Appliance; hit", hit.Headers.GetValues("Cache-Status").Single(), StringComparison.Ordinal);
        }

        await host.SetMaintenanceAsync("toggle", enabled: true);
        using (var held = await client.GetWithHostAsync("site.test", "/toggle/cached"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, held.StatusCode);
            Assert.False(held.Headers.Contains("Cache-Status"));
        }

        await host.SetMaintenanceAsync("toggle", enabled: false);
        using var back = await client.GetWithHostAsync("site.test", "/toggle/cached");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("backend", await back.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Maintenance_answers_are_counted_per_route_at_metrics()
    {
        using var client = host.CreateProxyClient();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetWithHostAsync("site.test", "/counted/x");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        using var scraper = new HttpClient { BaseAddress = host.Api.BaseAddress };
        var exposition = await scraper.GetStringAsync("/metrics");
        Assert.Contains("appliance_maintenance_responses_total{route=\"counted\"} 3\n", exposition, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"enabled":true,"retryAfterSeconds":0,"allow":[]}""", "maintenance.retryAfterSeconds")]
    [InlineData("""{"enabled":true,"retryAfterSeconds":60,"allow":["203.0.113.0/24","not-an-address"]}""", "maintenance.allow[1]")]
    [InlineData("""{"enabled":true,"retryAfterSeconds":60,"allow":["10.0.0.0/33"]}""", "maintenance.allow[0]")]
    public async Task Invalid_maintenance_is_refused_with_the_field(string maintenance, string field)
    {
        var json = $$"""{"name":"bad-maint","path":"/bad-maint","targets":[{"pool":"backend","weight":1}],"maintenance":{{maintenance}}}""";
        using var response = await host.Api.PostAsync("/api/v1/routes", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Fact]
    public async Task Export_then_import_keeps_maintenance_and_turning_it_on_is_audited()
    {
        await host.SetMaintenanceAsync("audited", enabled: true);
        var exported = await host.Api.GetStringAsync("/api/v1/config");
        using var import = await host.Api.PutAsync("/api/v1/config", new StringContent(exported, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var route = JsonNode.Parse(await host.Api.GetStringAsync("/api/v1/routes/closed"))!["maintenance"]!;
        Assert.True(route["enabled"]!.GetValue<bool>());
        Assert.Equal(120, route["retryAfterSeconds"]!.GetValue<int>());
        Assert.Equal("203.0.113.0/24", route["allow"]![0]!.GetValue<string>());
        var audit = JsonNode.Parse(await host.Api.GetStringAsync("/api/v1/audit?take=50"))!.AsArray();
        Assert.Contains(audit, e => e!["entityName"]?.GetValue<string>() == "audited" && e["action"]?.GetValue<string>() == "Update");
    }

    /// <summary>One backend behind routes in and out of maintenance.</summary>
    public sealed class MaintenanceHost : ApplianceHost
    {
        public TestBackend Backend { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Backend = await TestBackend.StartAsync("backend");
            await AddPoolAsync(new { name = "backend", backends = new[] { new { address = Backend.Address } } });
            using (var list = await Api.PostAsJsonAsync("/api/v1/access-lists", new { name = "nobody", defaultAction = "Deny" }))
            {
                list.EnsureSuccessStatusCode();
            }

            var closed = new { enabled = true, retryAfterSeconds = 120, allow = new[] { "203.0.113.0/24" } };
            await AddRouteAsync(new { name = "closed", path = "/closed", targets = Target(), maintenance = closed });
            await AddRouteAsync(new { name = "counted", path = "/counted", targets = Target(), maintenance = closed });
            await AddRouteAsync(new { name = "open", path = "/open", targets = Target(), maintenance = new { enabled = true, retryAfterSeconds = 60, allow = new[] { "198.51.100.7", "127.0.0.0/8" } } });
            await AddRouteAsync(new { name = "guarded", path = "/guarded", targets = Target(), accessList = "nobody", maintenance = closed });
            await AddRouteAsync(new { name = "toggle", path = "/toggle", targets = Target() });
            await AddRouteAsync(new { name = "audited", path = "/audited", targets = Target() });
            using (var rule = await Api.PostAsJsonAsync("/api/v1/cache-rules", new { name = "toggle", route = "toggle", match = "/toggle", mode = "DefaultTtl", defaultTtlSeconds = 300 }))
            {
                rule.EnsureSuccessStatusCode();
            }

            await WaitForLiveConfigAsync();
        }

        /// <summary>Changes only maintenance.enabled of the stored route, as the routes page's switch does, and waits until it is live.</summary>
        public async Task SetMaintenanceAsync(string route, bool enabled)
        {
            var spec = JsonNode.Parse(await Api.GetStringAsync($"/api/v1/routes/{route}"))!;
            spec["maintenance"]!["enabled"] = enabled;
            using var response = await Api.PutAsync($"/api/v1/routes/{route}", new StringContent(spec.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Backend.DisposeAsync();
            await base.DisposeAsync();
        }

        private static object[] Target() => [new { pool = "backend", weight = 1 }];
    }
}
