using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class LoadBalancingTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task RoundRobin_takes_turns()
    {
        var counts = await DistributeAsync("RoundRobin", "lb-rr", requests: 90, weights: [1, 1, 1]);
        Assert.Equal([30, 30, 30], counts);
    }

    [Fact]
    public async Task WeightedRoundRobin_follows_the_weights_exactly()
    {
        var counts = await DistributeAsync("WeightedRoundRobin", "lb-wrr", requests: 100, weights: [5, 3, 2]);
        Assert.Equal([50, 30, 20], counts);
    }

    [Fact]
    public async Task FirstAvailable_sends_everything_to_the_first_backend_in_list_order()
    {
        // The list is in descending address order on purpose: YARP's FirstAlphabetical would pick
        // the last one, the operator's order picks the first.
        var counts = await DistributeAsync("FirstAvailable", "lb-first", requests: 20, weights: [1, 1, 1], reverse: true);
        Assert.Equal([20, 0, 0], counts);
    }

    [Theory]
    [InlineData("Random")]
    [InlineData("PowerOfTwoChoices")]
    public async Task Random_policies_spread_over_every_backend(string policy)
    {
        var counts = await DistributeAsync(policy, "lb-" + policy.ToLowerInvariant(), requests: 150, weights: [1, 1, 1]);
        Assert.Equal(150, counts.Sum());
        Assert.All(counts, count => Assert.InRange(count, 15, 120));
    }

    [Fact]
    public async Task LeastRequests_avoids_the_backend_that_is_busy()
    {
        await using var busy = await TestBackend.StartAsync("busy");
        await using var idle = await TestBackend.StartAsync("idle");
        await host.AddPoolAsync(new { name = "lb-least", loadBalancing = "LeastRequests", backends = new[] { new { address = busy.Address }, new { address = idle.Address } } });
        await host.AddRouteAsync(new { name = "lb-least", hosts = new[] { "lb-least.test" }, targets = new[] { new { pool = "lb-least", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        busy.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // One request is held on whichever backend it lands; every request after it must go to the other.
        var held = client.GetWithHostAsync("lb-least.test", "/slow");
        await Eventually.TrueAsync(() => busy.Requests + idle.Requests == 1, TimeSpan.FromSeconds(10), "the held request to arrive");
        var (holding, free) = busy.Requests == 1 ? (busy, idle) : (idle, busy);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(free.Name, await client.GetBodyAsync("lb-least.test", "/"));
        }

        Assert.Equal(1, holding.Requests);
        holding.Gate.TrySetResult();
        free.Gate.TrySetResult();
        using var response = await held;
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<int[]> DistributeAsync(string policy, string name, int requests, int[] weights, bool reverse = false)
    {
        var backends = await TestBackend.StartManyAsync(weights.Select((_, i) => $"{name}-{i}").ToArray());
        try
        {
            var ordered = reverse ? backends.OrderByDescending(b => b.Address, StringComparer.Ordinal).ToArray() : backends;
            await host.AddPoolAsync(new
            {
                name,
                loadBalancing = policy,
                backends = ordered.Select((b, i) => new { address = b.Address, weight = weights[i] }).ToArray(),
            });
            await host.AddRouteAsync(new { name, hosts = new[] { name + ".test" }, targets = new[] { new { pool = name, weight = 1 } } });
            await host.WaitForLiveConfigAsync();

            using var client = host.CreateProxyClient();
            var counts = new Dictionary<string, int>();
            for (var i = 0; i < requests; i++)
            {
                var body = await client.GetBodyAsync(name + ".test", "/");
                counts[body] = counts.GetValueOrDefault(body) + 1;
            }

            return ordered.Select(b => counts.GetValueOrDefault(b.Name)).ToArray();
        }
        finally
        {
            foreach (var backend in backends)
            {
                await backend.DisposeAsync();
            }
        }
    }
}
