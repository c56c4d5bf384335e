using System.IO.Pipelines;
using System.Net;
using System.Text;
using Appliance.Engine.ProxyProtocol;
using Microsoft.AspNetCore.Connections;

namespace Appliance.Engine.Tests.ProxyProtocol;

/// <summary>Who may send a PROXY header, and what becomes of a connection that sends none or a bad one.</summary>
public sealed class ProxyProtocolConnectionTests
{
    private static readonly IPNetwork[] Balancers = [IPNetwork.Parse("10.0.0.0/8")];

    [Fact]
    public async Task A_balancers_header_makes_the_client_the_connections_address_and_the_request_follows_it()
    {
        var (connection, client) = Connection("10.0.0.5");
        await client.Output.WriteAsync(Encoding.ASCII.GetBytes("PROXY TCP4 198.51.100.7 10.0.0.9 51000 80\r\nGET /"));

        var seen = await RunAsync(connection, TimeSpan.FromSeconds(5));

        Assert.True(seen.Called);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 51000), seen.RemoteEndPoint);
        Assert.Equal("GET /", seen.FirstBytes);
    }

    [Fact]
    public async Task A_connection_from_outside_the_balancers_is_closed_unread()
    {
        var (connection, client) = Connection("192.0.2.1");
        await client.Output.WriteAsync(Encoding.ASCII.GetBytes("PROXY TCP4 198.51.100.7 10.0.0.9 51000 80\r\n"));

        Assert.False((await RunAsync(connection, TimeSpan.FromSeconds(5))).Called);
    }

    [Fact]
    public async Task A_connection_that_starts_without_a_header_is_closed()
    {
        var (connection, client) = Connection("10.0.0.5");
        await client.Output.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n"));

        Assert.False((await RunAsync(connection, TimeSpan.FromSeconds(5))).Called);
    }

    [Fact]
    public async Task A_balancer_that_says_nothing_is_closed_after_the_header_timeout()
    {
        var (connection, _) = Connection("10.0.0.5");

        Assert.False((await RunAsync(connection, TimeSpan.FromMilliseconds(200))).Called);
    }

    private static (DefaultConnectionContext Connection, IDuplexPipe Client) Connection(string remote)
    {
        // What the client writes, the server reads, and the other way round.
        var toServer = new Pipe();
        var toClient = new Pipe();
        var transport = new Duplex(toServer.Reader, toClient.Writer);
        var application = new Duplex(toClient.Reader, toServer.Writer);
        var connection = new DefaultConnectionContext("test", transport, application)
        {
            RemoteEndPoint = new IPEndPoint(IPAddress.Parse(remote), 40000),
        };
        return (connection, application);
    }

    private static async Task<Seen> RunAsync(DefaultConnectionContext connection, TimeSpan timeout)
    {
        var seen = new Seen();
        await ProxyProtocolConnection.HandleAsync(connection, async c =>
        {
            seen.Called = true;
            seen.RemoteEndPoint = c.RemoteEndPoint;
            var read = await c.Transport.Input.ReadAsync();
            seen.FirstBytes = Encoding.ASCII.GetString(read.Buffer.FirstSpan);
            c.Transport.Input.AdvanceTo(read.Buffer.End);
        }, Balancers, timeout).WaitAsync(TimeSpan.FromSeconds(10));
        return seen;
    }

    private sealed record Duplex(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    private sealed class Seen
    {
        public bool Called { get; set; }

        public EndPoint? RemoteEndPoint { get; set; }

        public string FirstBytes { get; set; } = "";
    }
}
