using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class PassiveHealthTests(PassiveHealthHost host) : IClassFixture<PassiveHealthHost>
{
    private static readonly TimeSpan Reactivation = TimeSpan.FromSeconds(PassiveHealthHost.ReactivationSeconds);

    [Fact]
    public async Task A_backend_failing_on_live_traffic_is_out_of_rotation_for_the_configured_period_and_the_health_api_says_how_long()
    {
        var backends = await TestBackend.StartManyAsync("passive-0", "passive-1");
        await using var steady = backends[0];
        await using var failing = backends[1];
        await host.AddPoolAsync(new { name = "passive", loadBalancing = "RoundRobin", backends = backends.Select(b => new { address = b.Address }).ToArray() });
        await host.AddRouteAsync(new { name = "passive", hosts = new[] { "passive.test" }, targets = new[] { new { pool = "passive", weight = 1 } } });
        await host.WaitForLiveConfigAsync();
        using var client = host.CreateProxyClient();

        failing.Abort = true;
        await FailLiveTrafficUntilOutAsync(client, "passive", failing);
        var outFor = Stopwatch.StartNew();
        failing.Abort = false;

        var backend = await BackendAsync("passive", failing.Address);
        Assert.False(backend.GetProperty("inRotation").GetBoolean());
        var requestsWhileOut = failing.Requests;
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("passive-0", await client.GetBodyAsync("passive.test", "/"));
        }

        Assert.Equal(requestsWhileOut, failing.Requests);

        await Eventually.TrueAsync(
            async () => (await BackendAsync("passive", failing.Address)).GetProperty("inRotation").GetBoolean(),
            Reactivation + TimeSpan.FromSeconds(10),
            () => $"the backend to return to rotation {Reactivation.TotalSeconds} s after it left (waited {outFor.Elapsed.TotalSeconds:0.#} s)");
        Assert.True(outFor.Elapsed >= Reactivation - TimeSpan.FromSeconds(1), $"back after {outFor.Elapsed.TotalSeconds:0.#} s, before the configured {Reactivation.TotalSeconds} s");

        var bodies = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            bodies.Add(await client.GetBodyAsync("passive.test", "/"));
        }

        Assert.Contains("passive-1", bodies);

        var report = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/health");
        Assert.Equal(PassiveHealthHost.ReactivationSeconds, report.GetProperty("passiveReactivationSeconds").GetInt32());
    }

    // Sends requests until the backend's passive health takes it out; the retry keeps every client answer a 200.
    private async Task FailLiveTrafficUntilOutAsync(HttpClient client, string pool, TestBackend backend)
    {
        var host = pool + ".test";
        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await client.GetWithHostAsync(host, "/");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return (await BackendAsync(pool, backend.Address)).GetProperty("passiveHealth").GetString() == "Unhealthy";
            },
            TimeSpan.FromSeconds(20),
            "live-traffic failures to take the backend out");
    }

    private async Task<JsonElement> BackendAsync(string pool, string address)
    {
        var report = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/health");
        return report.GetProperty("pools").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == pool)
            .GetProperty("backends").EnumerateArray()
            .Single(b => b.GetProperty("address").GetString() == address);
    }
}
