using System.Net.Sockets;
using System.Text;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

public sealed class FramingTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Theory]
    [InlineData("Content-Length: 5\r\nContent-Length: 6\r\n", "hello")]
    [InlineData("Content-Length: 5, 6\r\n", "hello")]
    [InlineData("Transfer-Encoding: chunked, identity\r\n", "0\r\n\r\n")]
    public async Task Ambiguous_request_framing_is_refused_with_400_and_never_forwarded(string framing, string body)
    {
        var (response, backend) = await SendRawAsync(framing, body);
        await using (backend)
        {
            Assert.StartsWith("HTTP/1.1 400", response);
            Assert.Equal(0, backend.Requests);
        }
    }

    [Fact]
    public async Task With_both_Transfer_Encoding_and_Content_Length_the_chunked_framing_wins_the_backend_sees_only_it_and_the_connection_closes()
    {
        // RFC 9112 §6.3: Transfer-Encoding overrides; the connection must close after the response.
        // The backend gets the request re-framed by the appliance, so no two hops can disagree on its end.
        var (response, backend) = await SendRawAsync("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
        await using (backend)
        {
            Assert.StartsWith("HTTP/1.1 200", response);
            var received = Assert.Single(backend.ReceivedHeaders);
            Assert.False(received.ContainsKey("Content-Length") && received.ContainsKey("Transfer-Encoding"));
            Assert.Contains("Connection: close", response, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("smuggled", string.Join(",", backend.ReceivedHeaders.SelectMany(h => h.Values)));
        }
    }

    private async Task<(string Response, TestBackend Backend)> SendRawAsync(string framing, string body)
    {
        var backend = await TestBackend.StartAsync("framing-" + Guid.NewGuid().ToString("N")[..6]);
        var name = "framing-" + Guid.NewGuid().ToString("N")[..8];
        await host.AddPoolAsync(new { name, backends = new[] { new { address = backend.Address } } });
        await host.AddRouteAsync(new { name, hosts = new[] { name + ".test" }, targets = new[] { new { pool = name, weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.ProxyAddress.Host, host.ProxyAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /upload HTTP/1.1\r\nHost: {name}.test\r\n{framing}\r\n{body}"));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return (Encoding.ASCII.GetString(buffer, 0, read), backend);
    }
}
