using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using Appliance.Engine.ProxyProtocol;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Streams;

/// <summary>
/// Streams on real sockets: bytes both ways through a stream's own port (a large payload, the
/// client's half-close answered in full), balancing and skipping a dead backend, the access list
/// and the connection limit at accept, the PROXY header to the backend, and the figures.
/// </summary>
public sealed class StreamTests(StreamsHost host) : IClassFixture<StreamsHost>
{
    [Fact]
    public async Task A_stream_carries_bytes_both_ways_and_the_clients_half_close_gets_the_whole_answer()
    {
        var port = await host.AddStreamAsync("echo", "only-a");
        var payload = RandomNumberGenerator.GetBytes(8 * 1024 * 1024);
        using var client = await StreamClient.ConnectAsync(port);
        Assert.Equal("A", await client.ReadLineAsync());

        // Sent whole while the echo comes back, then the client ends its side: the backend sees the
        // end, answers the rest, and ends its own side in turn.
        var reading = client.ReadToEndAsync(TimeSpan.FromSeconds(60));
        await client.Stream.WriteAsync(payload);
        client.Socket.Shutdown(SocketShutdown.Send);
        var echoed = await reading;

        Assert.NotNull(echoed);
        Assert.Equal(payload.Length, echoed.Length);
        Assert.True(payload.AsSpan().SequenceEqual(echoed), "the echo differs from what was sent");

        // Counted as they pass: in, exactly what the client sent (the readiness probe sent nothing);
        // out, the echo and the backend's name lines.
        await Eventually.TrueAsync(async () => await host.MetricAsync("appliance_stream_bytes_total{stream=\"echo\",direction=\"in\"}") == payload.Length,
            TimeSpan.FromSeconds(10), "the bytes in to be counted");
        Assert.InRange(await host.MetricAsync("appliance_stream_bytes_total{stream=\"echo\",direction=\"out\"}"), payload.Length + 2, payload.Length + 4);
        Assert.True(await host.MetricAsync("appliance_stream_connections_total{stream=\"echo\",result=\"accepted\"}") >= 1);
    }

    [Fact]
    public async Task Open_connections_are_counted_while_they_last()
    {
        var port = await host.AddStreamAsync("held", "only-a");
        using (var client = await StreamClient.ConnectAsync(port))
        {
            Assert.Equal("A", await client.ReadLineAsync());
            await Eventually.TrueAsync(async () => await host.MetricAsync("appliance_stream_open_connections{stream=\"held\"}") == 1,
                TimeSpan.FromSeconds(10), "the open connection to be counted (and the readiness probe's to be gone)");
        }

        await Eventually.TrueAsync(async () => await host.MetricAsync("appliance_stream_open_connections{stream=\"held\"}") == 0,
            TimeSpan.FromSeconds(10), "the closed connection to be counted out");
    }

    [Fact]
    public async Task Round_robin_alternates_between_the_backends()
    {
        await host.AddPoolAsync(new { name = "both", loadBalancing = "RoundRobin", backends = new[] { new { address = host.A.Address }, new { address = host.B.Address } } });
        var port = await host.AddStreamAsync("rr", "both");

        var seen = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            seen.Add(await StreamClient.BackendOfAsync(port));
        }

        Assert.Equal(3, seen.Count(s => s == "A"));
        Assert.Equal(3, seen.Count(s => s == "B"));
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task Least_requests_counts_the_stream_connections_each_backend_holds()
    {
        await host.AddPoolAsync(new { name = "least", loadBalancing = "LeastRequests", backends = new[] { new { address = host.A.Address }, new { address = host.B.Address } } });
        var port = await host.AddStreamAsync("least", "least");

        // Each held connection weighs on its backend: the next one goes to the other.
        using var first = await StreamClient.ConnectAsync(port);
        var firstBackend = await first.ReadLineAsync();
        using var second = await StreamClient.ConnectAsync(port);
        var secondBackend = await second.ReadLineAsync();
        Assert.NotEqual(firstBackend, secondBackend);

        // With the first one closed, its backend is the less loaded again.
        first.Dispose();
        await Eventually.TrueAsync(async () => await host.MetricAsync("appliance_stream_open_connections{stream=\"least\"}") == 1,
            TimeSpan.FromSeconds(10), "the closed connection to be counted out");
        Assert.Equal(firstBackend, await StreamClient.BackendOfAsync(port));
    }

    [Fact]
    public async Task A_backend_that_refuses_is_skipped_without_the_client_noticing()
    {
        var dead = "http://127.0.0.1:9"; // privileged and unused: nothing else can take it
        await host.AddPoolAsync(new { name = "half-dead", loadBalancing = "RoundRobin", backends = new[] { new { address = dead }, new { address = host.A.Address } } });
        var port = await host.AddStreamAsync("skips", "half-dead");

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("A", await StreamClient.BackendOfAsync(port));
        }
    }

    [Fact]
    public async Task A_TCP_connect_probe_takes_a_dead_backend_out_and_keeps_a_live_one_in()
    {
        // Its own live backend: the probe keeps connecting to it every second for the rest of the
        // class, and other tests count the shared backends' connections.
        await using var live = TcpBackend.Start("B");
        var dead = "http://127.0.0.1:9";
        await host.AddPoolAsync(new
        {
            name = "probed",
            healthCheck = new { path = (string?)null, intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = new[] { new { address = dead }, new { address = live.Address } },
        });
        await host.WaitForLiveConfigAsync();

        await Eventually.TrueAsync(async () =>
        {
            var health = await host.Api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/health");
            var pool = health.GetProperty("pools").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "probed");
            var backends = pool.GetProperty("backends").EnumerateArray().ToDictionary(b => b.GetProperty("address").GetString()!, b => b.GetProperty("health").GetString());
            return backends[dead] == "Unhealthy" && backends[live.Address] == "Healthy";
        }, TimeSpan.FromSeconds(15), "the TCP probe to mark the dead backend unhealthy and the live one healthy");

        // Out of rotation: every connection goes to B at once, nothing is tried on the dead one.
        var port = await host.AddStreamAsync("probed", "probed");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("B", await StreamClient.BackendOfAsync(port));
        }
    }

    [Fact]
    public async Task An_access_list_closes_a_denied_client_before_any_byte_reaches_a_backend()
    {
        var list = await host.Api.PostAsJsonAsync("/api/v1/access-lists", new { name = "no-loopback", defaultAction = "Allow", rules = new[] { new { action = "Deny", cidr = "127.0.0.0/8" } } });
        Assert.True(list.IsSuccessStatusCode);
        await host.AddPoolAsync(new { name = "guarded", backends = new[] { new { address = host.B.Address } } });
        var port = await host.AddStreamAsync("guarded", "guarded", new { accessList = "no-loopback" });
        // AddStreamAsync waited for its readiness probe, a loopback client too, to be denied.
        Assert.Equal(1, await host.MetricAsync("appliance_stream_connections_total{stream=\"guarded\",result=\"denied\"}"));
        var before = host.B.Connections;
        var denied = await host.MetricAsync("appliance_stream_connections_total{stream=\"guarded\",result=\"denied\"}");

        Assert.Null(await StreamClient.BackendOfAsync(port));
        Assert.Equal(before, host.B.Connections);
        Assert.Equal(denied + 1, await host.MetricAsync("appliance_stream_connections_total{stream=\"guarded\",result=\"denied\"}"));
        Assert.Equal(0, await host.MetricAsync("appliance_stream_connections_total{stream=\"guarded\",result=\"accepted\"}"));
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_refused_and_a_freed_slot_is_taken_again()
    {
        var port = await host.AddStreamAsync("limited", "only-b", new { maxConnections = 2 });
        using var first = await StreamClient.ConnectAsync(port);
        using var second = await StreamClient.ConnectAsync(port);
        Assert.Equal("B", await first.ReadLineAsync());
        Assert.Equal("B", await second.ReadLineAsync());

        // The appliance's own count of connections it carried to a backend, not the backend's: the
        // backend's accept loop may count an earlier connection late.
        var carried = await host.MetricAsync("appliance_stream_connections_total{stream=\"limited\",result=\"accepted\"}");
        Assert.Null(await StreamClient.BackendOfAsync(port));
        Assert.Equal(carried, await host.MetricAsync("appliance_stream_connections_total{stream=\"limited\",result=\"accepted\"}"));
        Assert.Equal(1, await host.MetricAsync("appliance_stream_connections_total{stream=\"limited\",result=\"limited\"}"));

        first.Dispose();
        await Eventually.TrueAsync(async () => await StreamClient.BackendOfAsync(port) == "B", TimeSpan.FromSeconds(10), "a freed slot to take a new connection");
    }

    [Fact]
    public async Task With_proxyProtocol_the_backend_gets_a_version_2_header_naming_the_client_first()
    {
        var port = await host.AddStreamAsync("tells", "only-a", new { proxyProtocol = true });
        using var client = await StreamClient.ConnectAsync(port);
        Assert.Equal("A", await client.ReadLineAsync());
        await client.Stream.WriteAsync("hello"u8.ToArray());
        var local = (System.Net.IPEndPoint)client.Socket.LocalEndPoint!;

        byte[] signature = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];
        // Other tests' connections reach the same backend: wait for the header of this one.
        System.Net.IPEndPoint? named = null;
        var consumed = 0L;
        await Eventually.TrueAsync(
            () => host.A.FirstBytes.Any(b => b.AsSpan().StartsWith(signature)
                && ProxyHeader.TryRead(new System.Buffers.ReadOnlySequence<byte>(b), out consumed, out named) == ProxyHeaderStatus.Parsed
                && named!.Port == local.Port),
            TimeSpan.FromSeconds(10),
            "this connection's header to reach the backend");
        Assert.Equal(28, consumed);
        Assert.Equal("127.0.0.1", named!.Address.ToString());
    }
}
