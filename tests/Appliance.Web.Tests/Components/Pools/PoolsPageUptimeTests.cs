using Appliance.Data.Model;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Pools;

// The pools page reads uptime from the running appliance's history.
[Collection(FormRoundTrips.Name)]
public sealed class PoolsPageUptimeTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task The_pools_page_shows_each_live_backends_uptime_from_the_history()
    {
        var name = UniqueName("up");
        await using var backend = await Appliance.Web.Tests.Alerts.RestartableBackend.StartAsync();
        await PostAsync("/api/v1/pools", new
        {
            name,
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = new[] { new { address = backend.Address } },
        });
        await Host.WaitForLiveConfigAsync();
        var reader = Host.App.Services.GetRequiredService<Appliance.Engine.Uptime.UptimeReader>();
        await Eventually.TrueAsync(async () => (await reader.ReadAsync(name)).Single().Uptime24h is not null, TimeSpan.FromSeconds(30), "the first verdict in the history");

        var page = Render<Appliance.Web.Components.Pages.Pools.Pools>();

        page.WaitForAssertion(() => Assert.Equal("24 h 100 %", page.Find($"[data-uptime='{backend.Address}'] [data-window='24h']").TextContent));
        Assert.Contains(page.FindAll($"[data-uptime='{backend.Address}'] [data-state]"), s => s.GetAttribute("data-state") == "Up");
    }
}
