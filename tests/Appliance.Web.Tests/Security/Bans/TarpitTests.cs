using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security.Bans;

/// <summary>
/// A banned client's connections are held silent rather than closed, so a flood tool waits instead
/// of reconnecting: no byte in answer to a request or a ClientHello, held up to a bound per client
/// (2 here) past which a connection is closed at once, let go when the client leaves, and closed
/// when the client keeps sending. Other clients are served meanwhile, and held connections do not
/// take their places under the cap on open connections.
/// </summary>
public sealed partial class TarpitTests(TarpitTests.Host host) : IClassFixture<TarpitTests.Host>
{
    // Long enough to tell "held" from "closed at once" or "answered"; an answer on loopback takes milliseconds.
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public async Task Banned_connections_are_held_without_a_byte_up_to_the_bound_then_closed_at_once_and_let_go_when_the_client_leaves()
    {
        var banned = IPAddress.Parse("127.0.0.81");
        (await host.Api.PostAsJsonAsync("/api/v1/bans", new { address = "127.0.0.81", seconds = 600 })).EnsureSuccessStatusCode();

        using var first = await SourceBoundHttp.ConnectAsync(banned, host.ProxyAddress);
        await first.GetStream().WriteAsync("GET / HTTP/1.1\r\nHost: site.test\r\n\r\n"u8.ToArray());
        Assert.Equal(ReadOutcome.Silent, await ReadAsync(first));
        using var second = await SourceBoundHttp.ConnectAsync(banned, host.ProxyAddress);
        Assert.Equal(ReadOutcome.Silent, await ReadAsync(second));
        await Eventually.TrueAsync(async () => await HeldAsync() == 2, TimeSpan.FromSeconds(5), "two connections held");

        // Past the bound for one client: closed at once, no byte, as before holding existed.
        Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(banned, host.ProxyAddress), "the third connection was not closed at once");
        Assert.Equal(200, (await SourceBoundHttp.SendAsync(IPAddress.Parse("127.0.0.82"), host.ProxyAddress, "GET", "/", "site.test")).Status);

        first.Dispose();
        await Eventually.TrueAsync(async () => await HeldAsync() == 1, TimeSpan.FromSeconds(5), "the connection the client closed to be let go");

        // A held client that keeps sending is not read on for ever: past 64 KiB it is closed.
        var stream = second.GetStream();
        var junk = new byte[16 * 1024];
        var closed = false;
        for (var i = 0; i < 16 && !closed; i++)
        {
            try
            {
                await stream.WriteAsync(junk);
            }
            catch (IOException)
            {
                closed = true;
            }
        }

        Assert.True(closed || await ReadAsync(second) == ReadOutcome.Closed, "a held client sending 256 KiB was not closed");
        await Eventually.TrueAsync(async () => await HeldAsync() == 0, TimeSpan.FromSeconds(5), "the flooding connection to be let go");
        Assert.Matches("appliance_connections_held_total [1-9]", await host.MetricsAsync());
    }

    [Fact]
    public async Task A_banned_TLS_client_gets_no_ServerHello_its_handshake_waits_unanswered()
    {
        var banned = IPAddress.Parse("127.0.0.83");
        (await host.Api.PostAsJsonAsync("/api/v1/bans", new { address = "127.0.0.83", seconds = 600 })).EnsureSuccessStatusCode();

        using var tcp = await SourceBoundHttp.ConnectAsync(banned, host.HttpsAddress);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        var handshake = tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "site.test" });
        await Assert.ThrowsAsync<TimeoutException>(() => handshake.WaitAsync(Silence));

        // The same handshake from a client nobody banned completes.
        using var other = await SourceBoundHttp.ConnectAsync(IPAddress.Parse("127.0.0.84"), host.HttpsAddress);
        await using var welcome = new SslStream(other.GetStream(), false, (_, _, _, _) => true);
        await welcome.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "site.test" }).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Held_connections_leave_the_connection_cap_to_other_clients_and_the_cap_still_holds()
    {
        await Eventually.TrueAsync(async () => await MetricAsync(OpenGauge()) == 0, TimeSpan.FromSeconds(5), "earlier tests' connections to close");
        (await host.Api.PostAsJsonAsync("/api/v1/bans", new { address = "127.0.0.86", seconds = 600 })).EnsureSuccessStatusCode();
        using var heldA = await SourceBoundHttp.ConnectAsync(IPAddress.Parse("127.0.0.86"), host.ProxyAddress);
        using var heldB = await SourceBoundHttp.ConnectAsync(IPAddress.Parse("127.0.0.86"), host.ProxyAddress);
        await Eventually.TrueAsync(async () => await HeldAsync() == 2, TimeSpan.FromSeconds(5), "two connections held");

        // The cap is 2 open connections: both go to clients nobody banned, kept alive.
        using var one = await KeptAliveAsync("127.0.0.87");
        using var two = await KeptAliveAsync("127.0.0.88");
        Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(IPAddress.Parse("127.0.0.89"), host.ProxyAddress), "a third client was let past a cap of 2");
    }

    // A connection from source that got 200 for one request and stays open.
    private async Task<TcpClient> KeptAliveAsync(string source)
    {
        var tcp = await SourceBoundHttp.ConnectAsync(IPAddress.Parse(source), host.ProxyAddress);
        await tcp.GetStream().WriteAsync("GET / HTTP/1.1\r\nHost: site.test\r\n\r\n"u8.ToArray());
        var reader = new StreamReader(tcp.GetStream(), System.Text.Encoding.Latin1);
        Assert.StartsWith("HTTP/1.1 200", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        return tcp;
    }

    private async Task<long> MetricAsync(Regex gauge) =>
        long.Parse(gauge.Match(await host.MetricsAsync()).Groups[1].Value);

    private Task<long> HeldAsync() => MetricAsync(HeldGauge());

    private static async Task<ReadOutcome> ReadAsync(TcpClient client)
    {
        var buffer = new byte[64];
        try
        {
            return await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(Silence) == 0 ? ReadOutcome.Closed : ReadOutcome.Answered;
        }
        catch (IOException)
        {
            return ReadOutcome.Closed;
        }
        catch (TimeoutException)
        {
            return ReadOutcome.Silent;
        }
    }

    [GeneratedRegex(@"(?m)^appliance_connections_held (\d+)$")]
    private static partial Regex HeldGauge();

    [GeneratedRegex(@"(?m)^appliance_open_connections (\d+)$")]
    private static partial Regex OpenGauge();

    private enum ReadOutcome
    {
        Silent,
        Closed,
        Answered,
    }

    /// <summary>The appliance with bans on loopback, the hold at its default length, at most two held connections per client and two open ones in all.</summary>
    public sealed class Host : ApplianceHost
    {
        private TestBackend _backend = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:Bans:ExemptLoopback"] = "false",
            ["Appliance:Proxy:Bans:HeldConnectionsPerAddress"] = "2",
            ["Appliance:Proxy:Limits:MaxConcurrentConnections"] = "2",
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            _backend = await TestBackend.StartAsync("site");
            await AddPoolAsync(new { name = "site", backends = new[] { new { address = _backend.Address } } });
            await AddRouteAsync(new { name = "site", hosts = new[] { "site.test" }, targets = new[] { new { pool = "site", weight = 1 } } });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await _backend.DisposeAsync();
        }

        public async Task<string> MetricsAsync()
        {
            using var scraper = new HttpClient { BaseAddress = Api.BaseAddress };
            return await scraper.GetStringAsync("/metrics");
        }
    }
}
