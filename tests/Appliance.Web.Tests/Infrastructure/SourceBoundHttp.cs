using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Appliance.Web.Tests.Infrastructure;

/// <summary>
/// Connections from a chosen loopback address (Linux routes all of 127.0.0.0/8 to the loopback
/// interface), so that one test plays several clients the data plane tells apart by their socket
/// peer, and raw HTTP/1.1 for request targets HttpClient would tidy up.
/// </summary>
public static class SourceBoundHttp
{
    /// <summary>A TCP connection to <paramref name="server"/> from <paramref name="source"/>.</summary>
    public static async Task<TcpClient> ConnectAsync(IPAddress source, Uri server)
    {
        var client = new TcpClient(new IPEndPoint(source, 0));
        try
        {
            await client.ConnectAsync(IPAddress.Parse(server.Host), server.Port);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>One request with <c>Connection: close</c> from <paramref name="source"/>: the status (0 when none came) and the whole response.</summary>
    public static async Task<(int Status, string Response)> SendAsync(IPAddress source, Uri server, string method, string target, string host, params string[] headers)
    {
        TcpClient tcp;
        try
        {
            tcp = await ConnectAsync(source, server);
        }
        catch (SocketException)
        {
            // Closed at accept so fast that the connect itself saw the reset.
            return (0, "");
        }

        using var owned = tcp;
        var stream = tcp.GetStream();
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head.Append("\r\n").ToString()));
            using var reader = new StreamReader(stream, Encoding.Latin1);
            var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(15));
            var status = response.Length >= 12 && int.TryParse(response.AsSpan(9, 3), out var code) ? code : 0;
            return (status, response);
        }
        catch (IOException)
        {
            // Reset by the server: no answer at all.
            return (0, "");
        }
    }

    /// <summary>
    /// Connects from <paramref name="source"/>, sends nothing and waits: true when the server closes
    /// (or resets) the connection without a single byte, as it does at accept (a turned-away connection
    /// is held silent first, so hosts that use this shorten <c>Appliance:Proxy:Bans:HoldSeconds</c>);
    /// false when it sends something or keeps the connection open, waiting for a request or a ClientHello.
    /// </summary>
    public static async Task<bool> ClosedUnansweredAsync(IPAddress source, Uri server)
    {
        TcpClient tcp;
        try
        {
            tcp = await ConnectAsync(source, server);
        }
        catch (SocketException)
        {
            return true;
        }

        using (tcp)
        {
            var buffer = new byte[64];
            try
            {
                return await tcp.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(3)) == 0;
            }
            catch (IOException)
            {
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }
}
