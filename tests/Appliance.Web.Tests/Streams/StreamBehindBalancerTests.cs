using System.Net.Http.Json;
using System.Text;

namespace Appliance.Web.Tests.Streams;

/// <summary>
/// Behind a TCP balancer (<c>ProxyProtocol:Mode=Required</c>, the tests' loopback address playing
/// the balancer) a stream's own port wants the balancer's PROXY header first, like the HTTP ports:
/// its client is the one the access list judges and the backend is told about, and what the client
/// sent right after it reaches the backend intact.
/// </summary>
public sealed class StreamBehindBalancerTests(StreamBehindBalancerTests.BehindBalancerHost host) : IClassFixture<StreamBehindBalancerTests.BehindBalancerHost>
{
    [Fact]
    public async Task The_headers_client_is_judged_and_the_bytes_after_the_header_reach_the_backend()
    {
        var list = await host.Api.PostAsJsonAsync("/api/v1/access-lists", new { name = "no-doc-range", defaultAction = "Allow", rules = new[] { new { action = "Deny", cidr = "192.0.2.0/24" } } });
        Assert.True(list.IsSuccessStatusCode);
        var port = await host.AddStreamAsync("balanced", "only-a", new { accessList = "no-doc-range", proxyProtocol = true });

        // Allowed: header and first bytes in one packet; the backend gets them after its own header naming the client.
        using (var allowed = await StreamClient.ConnectAsync(port))
        {
            await allowed.Stream.WriteAsync(Encoding.ASCII.GetBytes("PROXY TCP4 198.51.100.7 127.0.0.1 51000 5432\r\nhello"));
            Assert.Equal("A", await allowed.ReadLineAsync());
            // The echo backend sends back what it got: the appliance's 28-byte header, then the client's bytes.
            var echoed = new byte[28 + 5];
            await allowed.Stream.ReadExactlyAsync(echoed);
            Assert.Equal("hello", Encoding.ASCII.GetString(echoed, 28, 5));
        }

        var toBackend = host.A.FirstBytes.Last();
        Assert.Equal(Engine.ProxyProtocol.ProxyHeaderStatus.Parsed, Engine.ProxyProtocol.ProxyHeader.TryRead(new System.Buffers.ReadOnlySequence<byte>(toBackend), out var consumed, out var client));
        Assert.Equal("198.51.100.7", client!.Address.ToString());
        Assert.Equal(51000, client.Port);

        // Denied by the header's address, and without a header at all: closed, the backend never asked.
        var connections = host.A.Connections;
        using (var denied = await StreamClient.ConnectAsync(port))
        {
            await denied.Stream.WriteAsync(Encoding.ASCII.GetBytes("PROXY TCP4 192.0.2.44 127.0.0.1 51000 5432\r\n"));
            Assert.Null(await denied.ReadLineAsync());
        }

        using (var bare = await StreamClient.ConnectAsync(port))
        {
            await bare.Stream.WriteAsync("hello"u8.ToArray());
            Assert.Null(await bare.ReadLineAsync());
        }

        Assert.Equal(connections, host.A.Connections);
    }

    public sealed class BehindBalancerHost : StreamsHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:ProxyProtocol:Mode"] = "Required",
            ["Appliance:Proxy:ProxyProtocol:TrustedSources:0"] = "127.0.0.1",
        };
    }
}
