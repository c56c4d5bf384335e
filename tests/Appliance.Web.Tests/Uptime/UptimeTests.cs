using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Data.Cluster;
using Appliance.Web.Tests.Alerts;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Uptime;

public sealed class UptimeTests(UptimeHost host) : IClassFixture<UptimeHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Transitions_seen_by_real_probes_are_written_and_give_this_nodes_uptime_per_backend()
    {
        await using var backend = await RestartableBackend.StartAsync();
        await using var steady = await RestartableBackend.StartAsync();
        await host.AddPoolAsync(new
        {
            name = "tracked",
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = new[] { new { address = backend.Address }, new { address = steady.Address } },
        });
        await host.WaitForLiveConfigAsync();
        await Eventually.TrueAsync(async () => (await TransitionsAsync("tracked", backend.Address)).Length == 1, Wait, "the first verdict to be written");
        await backend.StopAsync();
        await Eventually.TrueAsync(async () => (await TransitionsAsync("tracked", backend.Address)).Length == 2, Wait, "the backend going down to be written");
        await backend.StartAgainAsync();
        await Eventually.TrueAsync(async () => (await TransitionsAsync("tracked", backend.Address)).Length == 3, Wait, "the backend coming back to be written");

        var transitions = await TransitionsAsync("tracked", backend.Address);
        Assert.Equal([true, false, true], transitions.Select(t => t.GetProperty("healthy").GetBoolean()));
        Assert.All(transitions, t => Assert.Equal("probe", t.GetProperty("source").GetString()));
        Assert.Equal("connection refused", transitions[1].GetProperty("reason").GetString());

        var all = await host.Api.GetFromJsonAsync<JsonElement[]>("/api/v1/uptime?pool=tracked");
        var flapped = all!.Single(b => b.GetProperty("address").GetString() == backend.Address);
        var stayed = all!.Single(b => b.GetProperty("address").GetString() == steady.Address);
        Assert.Equal(host.App.Services.GetRequiredService<NodeIdentity>().Name, flapped.GetProperty("node").GetString());
        Assert.InRange(flapped.GetProperty("uptime24h").GetDouble(), 0.001, 99.999);
        Assert.Equal(flapped.GetProperty("uptime24h").GetDouble(), flapped.GetProperty("uptime30d").GetDouble());
        Assert.Equal(100, stayed.GetProperty("uptime24h").GetDouble());
        Assert.Contains(flapped.GetProperty("timeline24h").EnumerateArray(), s => s.GetProperty("state").GetString() == "Down");
        Assert.Contains("appliance_uptime_transitions_written_total", await host.Api.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_nodes_view_is_asked_for_by_name_and_a_name_that_cannot_be_one_is_refused()
    {
        await host.AddPoolAsync(new { name = "elsewhere", backends = new[] { new { address = "http://127.0.0.1:9" } } });
        await host.WaitForLiveConfigAsync();

        var other = await host.Api.GetFromJsonAsync<JsonElement[]>("/api/v1/uptime?pool=elsewhere&node=node-b");
        using var bad = await host.Api.GetAsync("/api/v1/uptime?node=../etc");

        var only = Assert.Single(other!);
        Assert.Equal("node-b", only.GetProperty("node").GetString());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("uptime24h").ValueKind);
        Assert.Empty(only.GetProperty("transitions").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Empty((await host.Api.GetFromJsonAsync<JsonElement[]>("/api/v1/uptime?pool=no-such-pool"))!);
    }

    private async Task<JsonElement[]> TransitionsAsync(string pool, string backend)
    {
        var all = await host.Api.GetFromJsonAsync<JsonElement[]>($"/api/v1/uptime?pool={pool}&backend={Uri.EscapeDataString(backend)}");
        return Assert.Single(all!).GetProperty("transitions").EnumerateArray().ToArray();
    }
}
