using System.Net;
using System.Net.Sockets;

namespace Appliance.Engine.Health;

/// <summary>Opens a TCP connection to a backend within a time limit: for TCP probes and for streams.</summary>
internal static class TcpConnect
{
    /// <summary>
    /// The connected socket. Throws <see cref="SocketException"/> when the backend refuses or cannot
    /// be reached, <see cref="TimeoutException"/> when <paramref name="timeout"/> passes first, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> ends it.
    /// </summary>
    public static async Task<Socket> ConnectAsync(EndPoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Dual mode: one socket type reaches IPv4 and IPv6 backends and names that resolve to either.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endpoint, deadline.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"No connection within {timeout.TotalSeconds:0.#} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
