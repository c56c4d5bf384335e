using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Pools;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

/// <summary>A pool probed by TCP connect (no path) keeps its probe through the pool form.</summary>
[Collection(FormRoundTrips.Name)]
public sealed class PoolTcpProbeRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Saving_a_TCP_probed_pool_unchanged_leaves_its_GET_identical_and_shows_no_path()
    {
        var name = UniqueName("tcp");
        await PostAsync("/api/v1/pools", new
        {
            name,
            healthCheck = new { path = (string?)null, intervalSeconds = 7, timeoutSeconds = 3, unhealthyAfter = 4, healthyAfter = 3 },
            backends = new[] { new { address = "http://127.0.0.1:5432" } },
        });
        var before = await GetJsonAsync($"/api/v1/pools/{name}");
        Assert.Contains("\"path\":null", before, StringComparison.Ordinal);
        var pool = (await Store.Pools.ListAsync()).Single(p => p.Name == name);
        PoolSpec? saved = null;

        var form = Render<PoolForm>(p => p.Add(f => f.Pool, pool).Add(f => f.Saved, (PoolSpec s) => saved = s));
        Assert.Empty(form.FindAll("#health-path"));
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/pools/{name}"));
    }

    [Fact]
    public async Task An_empty_probe_path_through_the_API_is_a_TCP_probe()
    {
        var name = UniqueName("empty");
        await PostAsync("/api/v1/pools", new { name, healthCheck = new { path = "" }, backends = Array.Empty<object>() });

        Assert.Null((await Store.Pools.GetAsync(name))!.HealthCheck!.Path);
    }
}
