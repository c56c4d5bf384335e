using System.Net;
using System.Net.Sockets;

namespace Appliance.Web.Tests.AccessLogging;

/// <summary>
/// HTTP clients of the data plane that connect from a given loopback address (any 127.x.y.z works
/// on Linux), so tests can be clients at different addresses without trusting forwarded headers.
/// </summary>
internal static class ClientAt
{
    public static HttpClient Address(Uri server, string from)
    {
        var local = IPAddress.Parse(from);
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
    }
}
