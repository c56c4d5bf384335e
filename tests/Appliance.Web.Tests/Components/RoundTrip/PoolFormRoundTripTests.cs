using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Pools;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

[Collection(FormRoundTrips.Name)]
public sealed class PoolFormRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Saving_a_pool_set_through_the_API_unchanged_leaves_its_GET_identical()
    {
        // Every member away from its default, so that any field a form drops shows up.
        var name = UniqueName("full");
        await PostAsync("/api/v1/pools", new
        {
            name,
            loadBalancing = LoadBalancingPolicyNames.WeightedRoundRobin,
            healthCheck = new { path = "/healthz", intervalSeconds = 7, timeoutSeconds = 3, unhealthyAfter = 4, healthyAfter = 3 },
            maxConcurrentRequests = 7,
            queue = new { length = 42, timeoutSeconds = 9 },
            backends = new object[]
            {
                new { address = "http://127.0.0.1:9001", weight = 5, enabled = true },
                new { address = "https://10.0.0.2:8443", weight = 2, enabled = false },
            },
        });
        var before = await GetJsonAsync($"/api/v1/pools/{name}");
        var pool = (await Store.Pools.ListAsync()).Single(p => p.Name == name);
        PoolSpec? saved = null;

        var form = Render<PoolForm>(p => p.Add(f => f.Pool, pool).Add(f => f.Saved, (PoolSpec s) => saved = s));
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/pools/{name}"));
    }

    [Fact]
    public async Task Draining_one_backend_in_the_form_changes_only_that_backends_enabled()
    {
        var name = UniqueName("drain");
        await PostAsync("/api/v1/pools", new
        {
            name,
            loadBalancing = LoadBalancingPolicyNames.WeightedRoundRobin,
            healthCheck = new { path = "/healthz", intervalSeconds = 7, timeoutSeconds = 3, unhealthyAfter = 4, healthyAfter = 3 },
            backends = new[] { new { address = "http://127.0.0.1:9001", weight = 5 }, new { address = "http://127.0.0.1:9002", weight = 2 } },
        });
        var expected = System.Text.Json.Nodes.JsonNode.Parse(await GetJsonAsync($"/api/v1/pools/{name}"))!;
        expected["backends"]![1]!["enabled"] = false;
        var pool = (await Store.Pools.ListAsync()).Single(p => p.Name == name);
        PoolSpec? saved = null;

        var form = Render<PoolForm>(p => p.Add(f => f.Pool, pool).Add(f => f.Saved, (PoolSpec s) => saved = s));
        form.Find("[data-backend-row='1'] input[type=checkbox]").Change(false);
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(expected.ToJsonString(), await GetJsonAsync($"/api/v1/pools/{name}"));
    }

    [Fact]
    public async Task Switching_the_health_check_off_and_on_again_keeps_the_stored_probe()
    {
        var name = UniqueName("probe");
        await PostAsync("/api/v1/pools", new
        {
            name,
            healthCheck = new { path = "/ready", intervalSeconds = 9, timeoutSeconds = 4, unhealthyAfter = 5, healthyAfter = 2 },
            backends = new[] { new { address = "http://127.0.0.1:9001" } },
        });
        var before = await GetJsonAsync($"/api/v1/pools/{name}");
        var pool = (await Store.Pools.ListAsync()).Single(p => p.Name == name);
        PoolSpec? saved = null;

        var form = Render<PoolForm>(p => p.Add(f => f.Pool, pool).Add(f => f.Saved, (PoolSpec s) => saved = s));
        var healthSwitch = form.FindComponents<MudBlazor.MudSwitch<bool>>().Single(s => s.Instance.Label == "Active health check");
        healthSwitch.Find("input").Change(false);
        healthSwitch.Find("input").Change(true);
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/pools/{name}"));
    }
}
