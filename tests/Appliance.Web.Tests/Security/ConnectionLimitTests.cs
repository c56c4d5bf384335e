using System.Net;
using System.Net.Sockets;
using System.Text;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

public sealed class ConnectionLimitTests
{
    [Fact]
    public async Task One_address_holds_at_most_its_cap_of_connections_and_gets_more_as_it_closes_some()
    {
        var host = new CappedHost();
        await host.InitializeAsync();
        try
        {
            var open = new List<TcpClient>();
            for (var i = 0; i < 5; i++)
            {
                open.Add(await ConnectAndAskAsync(host, expectServed: true));
            }

            using (var sixth = await ConnectAndAskAsync(host, expectServed: false))
            {
            }

            open[0].Dispose();
            await Eventually.TrueAsync(
                async () =>
                {
                    try
                    {
                        using var again = await ConnectAndAskAsync(host, expectServed: true);
                        return true;
                    }
                    catch (Exception ex) when (ex is IOException or SocketException or Xunit.Sdk.XunitException)
                    {
                        return false;
                    }
                },
                TimeSpan.FromSeconds(5),
                "a slot to free up");
            open.ForEach(c => c.Dispose());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Three_hundred_clients_dribbling_headers_do_not_stop_a_normal_client()
    {
        var host = new UncappedHost();
        await host.InitializeAsync();
        await using var backend = await TestBackend.StartAsync("patient");
        var slow = new List<TcpClient>();
        try
        {
            await host.AddPoolAsync(new { name = "patient", backends = new[] { new { address = backend.Address } } });
            await host.AddRouteAsync(new { name = "patient", targets = new[] { new { pool = "patient", weight = 1 } } });
            await host.WaitForLiveConfigAsync();
            for (var i = 0; i < 300; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync(host.ProxyAddress.Host, host.ProxyAddress.Port);
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: slow.test\r\nX-Drip: "));
                slow.Add(client);
            }

            // One more byte each, as a slowloris would, then a normal request.
            foreach (var client in slow)
            {
                await client.GetStream().WriteAsync("a"u8.ToArray());
            }

            using var normal = host.CreateProxyClient();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await normal.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The normal client waited {clock.Elapsed}.");
        }
        finally
        {
            slow.ForEach(c => c.Dispose());
            await host.DisposeAsync();
        }
    }

    private static async Task<TcpClient> ConnectAndAskAsync(ApplianceHost host, bool expectServed)
    {
        var client = new TcpClient();
        await client.ConnectAsync(host.ProxyAddress.Host, host.ProxyAddress.Port);
        var stream = client.GetStream();
        var buffer = new byte[1024];
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /nothing HTTP/1.1\r\nHost: none.test\r\n\r\n"));
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            var answer = Encoding.ASCII.GetString(buffer, 0, read);
            Assert.True(expectServed ? answer.StartsWith("HTTP/1.1 404", StringComparison.Ordinal) : read == 0, $"Got '{answer}'.");
        }
        catch (IOException) when (!expectServed)
        {
            // Reset instead of closed: refused all the same.
        }

        return client;
    }

    private sealed class CappedHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:Proxy:Limits:MaxConnectionsPerAddress"] = "5" };
    }

    private sealed class UncappedHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:Proxy:Limits:MaxConnectionsPerAddress"] = "0" };
    }
}
