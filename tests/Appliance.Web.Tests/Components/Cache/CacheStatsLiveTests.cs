using Appliance.Web.Components.Pages.Cache;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Cache;

/// <summary>The cache page's figures follow the cache without a reload, as the dashboard's do.</summary>
[Collection(LivePages.Name)]
public sealed class CacheStatsLiveTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Entries_and_hits_move_on_the_open_page_as_requests_are_cached()
    {
        await using var backend = await TestBackend.StartAsync("cached");
        var (pool, route) = (UniqueName("cache"), UniqueName("cached"));
        await PostAsync("/api/v1/pools", new { name = pool, backends = new[] { new { address = backend.Address } } });
        await PostAsync("/api/v1/routes", new { name = route, path = $"/{route}", targets = new[] { new { pool } } });
        await PostAsync("/api/v1/cache-rules", new { name = route, route, match = $"/{route}/**", mode = "DefaultTtl", defaultTtlSeconds = 300 });
        await Host.WaitForLiveConfigAsync();
        var page = Render<CachePage>();
        var (entries, hits) = (Figure(page, "entries"), Hits(page));

        using var client = Host.CreateProxyClient();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync($"/{route}/app.css");
            response.EnsureSuccessStatusCode();
        }

        page.WaitForAssertion(() => Assert.True(Figure(page, "entries") > entries && Hits(page) >= hits + 2, page.Find("[data-testid=cache-stats]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(1, backend.Requests);
    }

    private static long Figure(IRenderedComponent<CachePage> page, string figure) =>
        long.Parse(page.Find($"[data-cache-figure={figure}]").TextContent.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static long Hits(IRenderedComponent<CachePage> page) =>
        long.Parse(page.Find("[data-cache-figure=hits]").TextContent.Split('/')[0].Trim().Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
