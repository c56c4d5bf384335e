using Appliance.Web.Tests.Infrastructure;
using static Appliance.Web.Tests.AccessLogging.AccessLogApi;

namespace Appliance.Web.Tests.AccessLogging;

/// <summary>A small ring: the newest request overwrites the oldest, and <c>/metrics</c> says how full it is.</summary>
public sealed class AccessLogCapacityTests(AccessLogCapacityTests.SmallRingHost host) : IClassFixture<AccessLogCapacityTests.SmallRingHost>
{
    private const int Capacity = 20;

    [Fact]
    public async Task The_newest_requests_push_the_oldest_out_at_the_configured_capacity()
    {
        var m = Marker();
        using var client = host.CreateProxyClient();
        for (var i = 0; i < Capacity + 5; i++)
        {
            using var response = await client.GetAsync($"/web/{m}/{i}");
            response.EnsureSuccessStatusCode();
        }

        await WaitForAsync(host.Api, "path=" + Uri.EscapeDataString($"/web/{m}/{Capacity + 4}"), 1);
        var body = await ReadAsync(host.Api, "take=1000");
        var paths = Paths(body.GetProperty("entries").EnumerateArray());

        Assert.Equal(Enumerable.Range(5, Capacity).Reverse().Select(i => $"/web/{m}/{i}"), paths);
        Assert.Equal(Capacity, body.GetProperty("capacity").GetInt32());
        Assert.Equal(Capacity, body.GetProperty("held").GetInt32());

        var metrics = await host.Api.GetStringAsync("/metrics");
        Assert.Contains($"\nappliance_access_log_viewer_entries {Capacity}\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"\nappliance_access_log_viewer_capacity {Capacity}\n", metrics, StringComparison.Ordinal);
    }

    public sealed class SmallRingHost : ApplianceHost
    {
        private TestBackend _web = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:AccessLog:ViewerCapacity"] = $"{Capacity}" };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            _web = await TestBackend.StartAsync("web");
            await AddPoolAsync(new { name = "web", backends = new[] { new { address = _web.Address } } });
            await AddRouteAsync(new { name = "web", path = "/web", targets = new[] { new { pool = "web", weight = 1 } } });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await _web.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
