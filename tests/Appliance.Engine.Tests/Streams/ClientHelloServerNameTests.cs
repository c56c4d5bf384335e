using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Appliance.Engine.Streams;

namespace Appliance.Engine.Tests.Streams;

/// <summary>The server name of real ClientHellos (as .NET's TLS client sends them), and nothing from anything else.</summary>
public sealed class ClientHelloServerNameTests
{
    [Theory]
    [InlineData("db.example.com", "db.example.com")]
    [InlineData("DB.Example.COM", "db.example.com")]
    public async Task The_name_a_client_asks_for_is_read_in_lower_case(string asked, string expected) =>
        Assert.Equal(expected, ClientHelloServerName.Read(await ClientHelloAsync(asked)));

    [Fact]
    public async Task A_hello_without_a_name_has_none() =>
        Assert.Null(ClientHelloServerName.Read(await ClientHelloAsync("127.0.0.1")));

    [Fact]
    public async Task A_hello_cut_anywhere_has_no_name_and_throws_nothing()
    {
        var hello = await ClientHelloAsync("db.example.com");
        for (var length = 0; length < hello.Length; length++)
        {
            Assert.Null(ClientHelloServerName.Read(hello.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Plain_HTTP_has_no_name() => Assert.Null(ClientHelloServerName.Read("GET / HTTP/1.1\r\nHost: db.example.com\r\n\r\n"u8));

    // What SslStream sends first, caught by a listener that never answers.
    private static async Task<byte[]> ClientHelloAsync(string targetHost)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var server = await listener.AcceptTcpClientAsync();
        var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: true, (_, _, _, _) => true);
        var handshake = tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = targetHost });

        var header = new byte[5];
        await server.GetStream().ReadExactlyAsync(header);
        var record = new byte[5 + ((header[3] << 8) | header[4])];
        header.CopyTo(record, 0);
        await server.GetStream().ReadExactlyAsync(record.AsMemory(5));
        client.Close();
        await Assert.ThrowsAnyAsync<Exception>(() => handshake);
        return record;
    }
}
