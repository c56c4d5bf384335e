using System.Net;
using Appliance.Engine.Mirroring;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Mirroring;

/// <summary>
/// The bounds a shadow cannot push past: with two copies allowed in flight and a shadow that holds
/// every answer, the other copies are dropped and counted, clients are served all the same, and the
/// copies held are abandoned at their own timeout.
/// </summary>
public sealed class MirroringBoundsTests(MirroringBoundsTests.BoundedHost host) : IClassFixture<MirroringBoundsTests.BoundedHost>
{
    [Fact]
    public async Task Copies_beyond_the_in_flight_bound_are_dropped_counted_and_the_held_ones_time_out()
    {
        const int requests = 12;
        using var client = host.CreateProxyClient();
        var statuses = await Task.WhenAll(Enumerable.Range(0, requests).Select(async i =>
        {
            using var response = await client.GetAsync($"/bounded/{i}");
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var counters = host.App.Services.GetRequiredService<MirrorMetrics>().For("bounded");
        Assert.Equal(requests, counters.Sent + counters.Dropped);
        Assert.InRange(counters.Dropped, 1, requests - 2);
        Assert.Matches($"appliance_mirror_copies_dropped_total\\{{route=\"bounded\"\\}} {counters.Dropped}\n", await host.Api.GetStringAsync("/metrics"));

        // The shadow never answers; each copy held is given up after TimeoutSeconds and frees its slot.
        await Eventually.TrueAsync(() => counters.Failed(MirrorFailure.Timeout) == counters.Sent, TimeSpan.FromSeconds(15), "the held copies to time out");
        var metrics = await host.Api.GetStringAsync("/metrics");
        Assert.Contains($"appliance_mirror_timeouts_total{{route=\"bounded\"}} {counters.Sent}\n", metrics, StringComparison.Ordinal);
        Assert.Contains("appliance_mirror_in_flight 0\n", metrics, StringComparison.Ordinal);
        Assert.InRange(host.Shadow.Received.Count, 1, counters.Sent);
    }

    /// <summary>An appliance that allows two copies in flight, each for at most 3 s, and a shadow that holds its answers for 30 s.</summary>
    public sealed class BoundedHost : ApplianceHost
    {
        public TestBackend Primary { get; private set; } = null!;

        public RecordingBackend Shadow { get; private set; } = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:Mirror:MaxInFlight"] = "2",
            ["Appliance:Proxy:Mirror:TimeoutSeconds"] = "3",
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Primary = await TestBackend.StartAsync("primary");
            Shadow = await RecordingBackend.StartAsync("shadow");
            Shadow.Hold = TimeSpan.FromSeconds(30);
            await AddPoolAsync(new { name = "primary", backends = new[] { new { address = Primary.Address } } });
            await AddPoolAsync(new { name = "shadow", backends = new[] { new { address = Shadow.Address } } });
            await AddRouteAsync(new { name = "bounded", path = "/bounded", targets = new[] { new { pool = "primary", weight = 1 } }, mirror = new { pool = "shadow", percent = 100 } });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Primary.DisposeAsync();
            await Shadow.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
