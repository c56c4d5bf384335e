using System.Net.WebSockets;
using System.Text;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class WebSocketTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task WebSockets_are_proxied_both_ways()
    {
        await using var backend = await TestBackend.StartAsync("ws");
        await host.AddPoolAsync(new { name = "ws", backends = new[] { new { address = backend.Address } } });
        await host.AddRouteAsync(new { name = "ws", targets = new[] { new { pool = "ws", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(host.ProxyAddress) { Scheme = "ws", Path = "/ws" }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);

        var buffer = new byte[1024];
        foreach (var message in new[] { "hello", "again" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            Assert.Equal($"ws:{message}", Encoding.UTF8.GetString(buffer, 0, received.Count));
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        Assert.Equal(WebSocketState.Closed, socket.State);
        Assert.Equal(1, backend.Requests);
    }
}
