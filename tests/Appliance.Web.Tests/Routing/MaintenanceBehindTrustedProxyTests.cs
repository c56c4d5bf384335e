using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// Behind a trusted proxy (127.0.0.1 here) the settled client address is the one the proxy
/// forwards: maintenance lets an allowed forwarded address through and keeps others out, and
/// <c>{client_ip}</c> names it to the backend.
/// </summary>
public sealed class MaintenanceBehindTrustedProxyTests(MaintenanceBehindTrustedProxyTests.ProxiedHost host) : IClassFixture<MaintenanceBehindTrustedProxyTests.ProxiedHost>
{
    [Theory]
    [InlineData("203.0.113.5", 200)]
    [InlineData("198.51.100.5, 203.0.113.5", 200)]
    [InlineData("198.51.100.5", 503)]
    [InlineData("203.0.113.5, 198.51.100.5", 503)]
    public async Task The_address_a_trusted_proxy_forwards_decides(string forwardedFor, int expected)
    {
        var probe = Guid.NewGuid().ToString("N");
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", "/held/x", "site.test", $"X-Forwarded-For: {forwardedFor}", $"X-Probe: {probe}");

        Assert.True(status == expected, response);
        if (expected == 200)
        {
            var seen = host.Backend.ReceivedHeaders.Single(h => h.GetValueOrDefault("X-Probe") == probe);
            Assert.Equal("203.0.113.5", seen["X-Client"]);
        }
    }

    /// <summary>The appliance trusting 127.0.0.1 as a proxy, with one route in maintenance that allows 203.0.113.0/24.</summary>
    public sealed class ProxiedHost : ApplianceHost
    {
        public TestBackend Backend { get; private set; } = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:Proxy:TrustedProxies:0"] = "127.0.0.1/32" };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Backend = await TestBackend.StartAsync("backend");
            await AddPoolAsync(new { name = "backend", backends = new[] { new { address = Backend.Address } } });
            await AddRouteAsync(new
            {
                name = "held",
                path = "/held",
                targets = new[] { new { pool = "backend", weight = 1 } },
                maintenance = new { enabled = true, retryAfterSeconds = 60, allow = new[] { "203.0.113.0/24" } },
                requestHeaders = new { set = new Dictionary<string, string> { ["X-Client"] = "{client_ip}" }, remove = Array.Empty<string>() },
            });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Backend.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
