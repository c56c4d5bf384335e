using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class RoutingTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task Routes_by_host_and_path_prefix_most_specific_first()
    {
        await using var site = await TestBackend.StartAsync("site");
        await using var api = await TestBackend.StartAsync("api");
        await using var wildcard = await TestBackend.StartAsync("wildcard");
        await using var fallback = await TestBackend.StartAsync("fallback");
        await host.AddPoolAsync(new { name = "rt-site", backends = new[] { new { address = site.Address } } });
        await host.AddPoolAsync(new { name = "rt-api", backends = new[] { new { address = api.Address } } });
        await host.AddPoolAsync(new { name = "rt-wild", backends = new[] { new { address = wildcard.Address } } });
        await host.AddPoolAsync(new { name = "rt-any", backends = new[] { new { address = fallback.Address } } });
        await host.AddRouteAsync(new { name = "rt-site", hosts = new[] { "shop.example.test" }, path = "/", targets = new[] { new { pool = "rt-site", weight = 100 } } });
        await host.AddRouteAsync(new { name = "rt-api", hosts = new[] { "shop.example.test" }, path = "/api", targets = new[] { new { pool = "rt-api", weight = 100 } } });
        await host.AddRouteAsync(new { name = "rt-wild", hosts = new[] { "*.example.test" }, path = "/", targets = new[] { new { pool = "rt-wild", weight = 100 } } });
        await host.AddRouteAsync(new { name = "rt-any", path = "/", targets = new[] { new { pool = "rt-any", weight = 100 } } });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        Assert.Equal("site", await GetAsync(client, "shop.example.test", "/"));
        Assert.Equal("api", await GetAsync(client, "shop.example.test", "/api"));
        Assert.Equal("api", await GetAsync(client, "shop.example.test", "/api/v1/items?x=1"));
        Assert.Equal("site", await GetAsync(client, "shop.example.test", "/apix"));
        Assert.Equal("site", await GetAsync(client, "SHOP.example.test", "/"));
        Assert.Equal("wildcard", await GetAsync(client, "blog.example.test", "/api"));
        Assert.Equal("fallback", await GetAsync(client, "example.test", "/"));
        Assert.Equal("fallback", await GetAsync(client, "other.test", "/anything"));
    }

    [Fact]
    public async Task Routes_by_method_before_a_route_for_any_method()
    {
        await using var reads = await TestBackend.StartAsync("reads");
        await using var writes = await TestBackend.StartAsync("writes");
        await host.AddPoolAsync(new { name = "mt-reads", backends = new[] { new { address = reads.Address } } });
        await host.AddPoolAsync(new { name = "mt-writes", backends = new[] { new { address = writes.Address } } });
        await host.AddRouteAsync(new { name = "mt-any", hosts = new[] { "methods.test" }, path = "/", targets = new[] { new { pool = "mt-reads", weight = 1 } } });
        await host.AddRouteAsync(new { name = "mt-post", hosts = new[] { "methods.test" }, path = "/", methods = new[] { "post", "PUT" }, targets = new[] { new { pool = "mt-writes", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        Assert.Equal("reads", await GetAsync(client, "methods.test", "/form"));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/form") { Content = new StringContent("a=1") };
        post.Headers.Host = "methods.test";
        using var response = await client.SendAsync(post);
        Assert.Equal("writes", await response.Content.ReadAsStringAsync());
    }

    private static Task<string> GetAsync(HttpClient client, string hostHeader, string path) => client.GetBodyAsync(hostHeader, path);
}
