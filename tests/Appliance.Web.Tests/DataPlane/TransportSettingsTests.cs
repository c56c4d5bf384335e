using Appliance.Engine.DataPlane;
using Appliance.Engine.Forwarding;
using Appliance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Appliance.Web.Tests.DataPlane;

/// <summary>
/// <c>Appliance:Proxy:Transport</c> from configuration reaches the data plane's Kestrel transport
/// and its backend clients, and the admin site's Kestrel keeps its defaults.
/// </summary>
public sealed class TransportSettingsTests(TransportSettingsTests.TunedHost host) : IClassFixture<TransportSettingsTests.TunedHost>
{
    [Fact]
    public void Inline_scheduling_and_the_IO_queue_count_reach_the_data_planes_transport_only()
    {
        var dataPlane = host.App.Services.GetRequiredService<DataPlaneHost>().Services;
        var transport = dataPlane.GetRequiredService<IOptions<SocketTransportOptions>>().Value;
        Assert.True(transport.UnsafePreferInlineScheduling);
        Assert.Equal(3, transport.IOQueueCount);

        var admin = host.App.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;
        Assert.False(admin.UnsafePreferInlineScheduling);
        Assert.NotEqual(3, admin.IOQueueCount);
    }

    [Fact]
    public void Backend_clients_come_from_the_factory_that_applies_the_settings()
    {
        var dataPlane = host.App.Services.GetRequiredService<DataPlaneHost>().Services;
        Assert.IsAssignableFrom<BackendHttpClientFactory>(dataPlane.GetRequiredService<IForwarderHttpClientFactory>());
        var transport = dataPlane.GetRequiredService<ProxyOptions>().Transport;
        Assert.Equal(30, transport.BackendIdleTimeoutSeconds);
        Assert.Equal(64, transport.BackendMaxConnectionsPerServer);
    }

    [Fact]
    public async Task Requests_still_pass_and_a_clients_traceparent_reaches_the_backend_unchanged()
    {
        await using var backend = await TestBackend.StartAsync("tuned");
        await host.AddPoolAsync(new { name = "tuned", backends = new[] { new { address = backend.Address } } });
        await host.AddRouteAsync(new { name = "tuned", hosts = new[] { "tuned.test" }, targets = new[] { new { pool = "tuned", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        const string traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        using var client = host.CreateProxyClient();
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/t/{i}");
            request.Headers.Host = "tuned.test";
            request.Headers.TryAddWithoutValidation("traceparent", traceparent);
            using var response = await client.SendAsync(request);
            Assert.Equal("tuned", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(20, backend.ReceivedHeaders.Count);
        Assert.All(backend.ReceivedHeaders, headers => Assert.Equal(traceparent, headers["traceparent"]));
    }

    public sealed class TunedHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:Transport:InlineScheduling"] = "true",
            ["Appliance:Proxy:Transport:IOQueueCount"] = "3",
            ["Appliance:Proxy:Transport:BackendIdleTimeoutSeconds"] = "30",
            ["Appliance:Proxy:Transport:BackendMaxConnectionsPerServer"] = "64",
        };
    }
}
