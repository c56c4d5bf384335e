using Appliance.Web.Components.Pages.Cache;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Cache;

/// <summary>The Cache page's overview: each rule's hit ratio and the top objects follow the traffic; a disk tier that is off says so.</summary>
[Collection(LivePages.Name)]
public sealed class CacheOverviewPanelTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task A_rules_hit_ratio_and_its_most_hit_object_appear_as_requests_are_answered()
    {
        await using var backend = await TestBackend.StartAsync("overview");
        var (pool, route) = (UniqueName("pool"), UniqueName("seen"));
        await PostAsync("/api/v1/pools", new { name = pool, backends = new[] { new { address = backend.Address } } });
        await PostAsync("/api/v1/routes", new { name = route, path = $"/{route}", targets = new[] { new { pool } } });
        await PostAsync("/api/v1/cache-rules", new { name = route, route, match = $"/{route}/**", mode = "DefaultTtl", defaultTtlSeconds = 300 });
        await Host.WaitForLiveConfigAsync();
        var page = Render<CachePage>();
        Assert.Contains("Off", page.Find("[data-cache-tier=disk]").TextContent, StringComparison.Ordinal);

        using var client = Host.CreateProxyClient();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync($"/{route}/site.css");
            response.EnsureSuccessStatusCode();
        }

        // One miss, three hits.
        page.WaitForAssertion(
            () =>
            {
                var row = page.Find($"[data-cache-rule={route}]").TextContent;
                Assert.Contains("75.0 %", row, StringComparison.Ordinal);
                Assert.Contains("3 / 1", row, StringComparison.Ordinal);
                var top = page.Find("[data-testid=top-by-hits]");
                Assert.Contains($"/{route}/site.css", top.TextContent, StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(10));
        Assert.Equal(1, backend.Requests);
    }
}
