using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Engine.Health;
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

        // The dashboard's events say so, the period apart.
        var events = Events(failing.Address);
        var down = events.First(e => e.To == "Unhealthy");
        var back = events.First(e => e.From == "Unhealthy");
        Assert.True(back.At - down.At >= Reactivation - TimeSpan.FromSeconds(1), $"came back {(back.At - down.At).TotalSeconds:0.#} s after it went down");

        var report = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/health");
        Assert.Equal(PassiveHealthHost.ReactivationSeconds, report.GetProperty("passiveReactivationSeconds").GetInt32());
    }

    [Fact]
    public async Task Came_back_is_recorded_only_once_the_backend_is_in_rotation_not_when_its_probes_pass_while_live_traffic_failures_hold_it_out()
    {
        var backends = await TestBackend.StartManyAsync("flap-0", "flap-1");
        await using var steady = backends[0];
        await using var flapping = backends[1];
        await host.AddPoolAsync(new
        {
            name = "flap",
            loadBalancing = "RoundRobin",
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = backends.Select(b => new { address = b.Address }).ToArray(),
        });
        await host.AddRouteAsync(new { name = "flap", hosts = new[] { "flap.test" }, targets = new[] { new { pool = "flap", weight = 1 } } });
        await host.WaitForLiveConfigAsync();
        await WaitForAsync("flap", flapping.Address, "activeHealth", "Healthy");
        using var client = host.CreateProxyClient();

        // Live traffic takes it out while its probes pass; then its probes fail and pass again.
        flapping.Abort = true;
        await FailLiveTrafficUntilOutAsync(client, "flap", flapping);
        var outFor = Stopwatch.StartNew();
        flapping.Abort = false;
        flapping.Healthy = false;
        await WaitForAsync("flap", flapping.Address, "activeHealth", "Unhealthy");
        flapping.Healthy = true;
        await WaitForAsync("flap", flapping.Address, "activeHealth", "Healthy");

        // Events first, state second: a backend still held out now was held out when the events were read.
        var events = Events(flapping.Address);
        var backend = await BackendAsync("flap", flapping.Address);
        Assert.True(backend.GetProperty("passiveHealth").GetString() == "Unhealthy", $"the test took {outFor.Elapsed.TotalSeconds:0.#} s, longer than the {Reactivation.TotalSeconds} s the backend is held out");
        Assert.False(backend.GetProperty("inRotation").GetBoolean());
        Assert.DoesNotContain(events, e => e.From == "Unhealthy");
        Assert.Equal("Unhealthy", events[0].To);

        await Eventually.TrueAsync(
            async () => (await BackendAsync("flap", flapping.Address)).GetProperty("inRotation").GetBoolean(),
            Reactivation + TimeSpan.FromSeconds(10),
            "the backend to return to rotation");
        await Eventually.TrueAsync(() => Events(flapping.Address)[0].From == "Unhealthy", TimeSpan.FromSeconds(5), "the came-back event");
        var cameBack = Assert.Single(Events(flapping.Address), e => e.From == "Unhealthy");
        Assert.Equal("Healthy", cameBack.To);
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

    private IReadOnlyList<HealthEvent> Events(string backend) =>
        host.App.Services.GetRequiredService<HealthEventLog>().Latest(500).Where(e => e.Backend == backend).ToArray();

    private async Task WaitForAsync(string pool, string address, string property, string value) =>
        await Eventually.TrueAsync(
            async () => (await BackendAsync(pool, address)).GetProperty(property).GetString() == value,
            TimeSpan.FromSeconds(15),
            $"{address} {property} to be {value}");

    private async Task<JsonElement> BackendAsync(string pool, string address)
    {
        var report = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/health");
        return report.GetProperty("pools").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == pool)
            .GetProperty("backends").EnumerateArray()
            .Single(b => b.GetProperty("address").GetString() == address);
    }
}
