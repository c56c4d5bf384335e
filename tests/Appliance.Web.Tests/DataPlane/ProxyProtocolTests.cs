using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

/// <summary>
/// Behind a TCP balancer that sends the PROXY protocol (here the tests' own loopback address plays
/// the balancer): the header's client is the one access lists judge and backends are told about,
/// before TLS as before HTTP; a connection without it is closed.
/// </summary>
public sealed class ProxyProtocolTests(ProxyProtocolTests.BehindBalancerHost host) : IClassFixture<ProxyProtocolTests.BehindBalancerHost>, IAsyncLifetime
{
    private TestBackend _backend = null!;

    public async Task InitializeAsync()
    {
        if (host.Backend is null)
        {
            host.Backend = await TestBackend.StartAsync("behind-balancer");
            await host.AddPoolAsync(new { name = "balanced", backends = new[] { new { address = host.Backend.Address } } });
            await host.Api.PostAsJsonAsync("/api/v1/access-lists", new
            {
                name = "no-doc-range",
                defaultAction = "Allow",
                rules = new[] { new { action = "Deny", cidr = "192.0.2.0/24" } },
            });
            await host.AddRouteAsync(new { name = "balanced", hosts = new[] { "balanced.test" }, targets = new[] { new { pool = "balanced", weight = 1 } }, accessList = "no-doc-range" });
            await host.WaitForLiveConfigAsync();
        }

        _backend = host.Backend;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_version_1_header_names_the_client_the_backend_is_told_about()
    {
        var response = await SendAsync(Encoding.ASCII.GetBytes("PROXY TCP4 198.51.100.7 127.0.0.1 51000 80\r\n"));

        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.Equal("198.51.100.7", _backend.ReceivedHeaders.Last()["X-Forwarded-For"]);
    }

    [Fact]
    public async Task Access_lists_judge_the_headers_client_not_the_balancer()
    {
        var response = await SendAsync(Encoding.ASCII.GetBytes("PROXY TCP4 192.0.2.44 127.0.0.1 51000 80\r\n"));

        Assert.StartsWith("HTTP/1.1 403", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_2_LOCAL_header_is_the_balancers_own_request()
    {
        byte[] local = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x20, 0x00, 0x00, 0x00];
        var response = await SendAsync(local);

        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", _backend.ReceivedHeaders.Last()["X-Forwarded-For"]);
    }

    [Fact]
    public async Task A_connection_without_the_header_is_closed_without_an_answer()
    {
        Assert.Equal("", await SendAsync([]));
    }

    [Fact]
    public async Task The_header_comes_before_TLS_and_the_handshake_follows_it()
    {
        byte[] v2 = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x21, 0x11, 0x00, 0x0C, 198, 51, 100, 8, 127, 0, 0, 1, 0xC7, 0x38, 0x01, 0xBB];
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.HttpsAddress.Host, host.HttpsAddress.Port);
        await tcp.GetStream().WriteAsync(v2);
        await using var ssl = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: true, (_, _, _, _) => true);

        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "balanced.test" }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(ssl.IsAuthenticated);
    }

    // One request over a fresh connection that begins with <paramref name="header"/>; "" when the appliance closed it.
    private async Task<string> SendAsync(byte[] header)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.ProxyAddress.Host, host.ProxyAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(header);
        try
        {
            await stream.WriteAsync("GET / HTTP/1.1\r\nHost: balanced.test\r\nConnection: close\r\n\r\n"u8.ToArray());
            using var reader = new StreamReader(stream, Encoding.Latin1);
            return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>The appliance with the PROXY protocol required from the tests' loopback address.</summary>
    public sealed class BehindBalancerHost : ApplianceHost
    {
        public TestBackend? Backend { get; set; }

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:ProxyProtocol:Mode"] = "Required",
            ["Appliance:Proxy:ProxyProtocol:TrustedSources:0"] = "127.0.0.1",
        };

        public override async Task DisposeAsync()
        {
            if (Backend is not null)
            {
                await Backend.DisposeAsync();
            }

            await base.DisposeAsync();
        }
    }
}
