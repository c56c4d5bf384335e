using System.Net;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class DataPlaneIsolationTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public void Each_plane_listens_only_where_it_is_configured()
    {
        // The tests configure loopback with ephemeral ports for both.
        var admin = Assert.Single(host.App.Urls);
        Assert.StartsWith("http://127.0.0.1:", admin);
        Assert.NotEqual("http://127.0.0.1:0", admin);
        Assert.StartsWith("http://127.0.0.1:", host.ProxyAddress.ToString());
        Assert.NotEqual(new Uri(admin).Port, host.ProxyAddress.Port);
    }

    [Fact]
    public async Task The_api_is_never_served_on_the_data_plane_with_or_without_routes()
    {
        using var client = host.CreateProxyClient();
        using var authorized = new HttpRequestMessage(HttpMethod.Get, "/api/v1/pools");
        authorized.Headers.Authorization = new("Bearer", ApplianceHost.BootstrapToken);
        using var unmatched = await client.SendAsync(authorized);
        Assert.Equal(HttpStatusCode.NotFound, unmatched.StatusCode);
        var page = await unmatched.Content.ReadAsStringAsync();
        Assert.Contains("404 Not Found", page);
        Assert.DoesNotContain("\"name\"", page);
        Assert.Equal("text/html; charset=utf-8", unmatched.Content.Headers.ContentType?.ToString());
        Assert.True(unmatched.Headers.Contains("X-Request-Id"));

        await using var backend = await TestBackend.StartAsync("catch-all");
        await host.AddPoolAsync(new { name = "all", backends = new[] { new { address = backend.Address } } });
        await host.AddRouteAsync(new { name = "all", targets = new[] { new { pool = "all", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        foreach (var path in new[] { "/api/v1/pools", "/api/v1/openapi.json", "/api/v1/config" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new("Bearer", ApplianceHost.BootstrapToken);
            using var proxied = await client.SendAsync(request);
            Assert.Equal("catch-all", await proxied.Content.ReadAsStringAsync());
        }
    }
}
