using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Appliance.Engine.ProxyProtocol;

namespace Appliance.Engine.Streams;

/// <summary>
/// Behind a TCP balancer (<c>Appliance:Proxy:ProxyProtocol:Mode=Required</c>) a stream's own port is
/// a data-plane port like the others: the balancer's PROXY header comes first and names the client,
/// exactly as on the HTTP and HTTPS ports. Bytes the client sent right after the header are kept
/// for the backend.
/// </summary>
internal static class StreamProxyHeaderReader
{
    /// <summary>The client the header names (the socket's peer for LOCAL), and what came after it; null when there is no valid header within <paramref name="timeout"/>.</summary>
    public static async Task<(IPEndPoint Client, ReadOnlyMemory<byte> Early)?> ReadAsync(Socket socket, IPEndPoint peer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var buffer = new byte[ProxyHeader.MaxV2Length];
        var received = 0;
        try
        {
            while (received < buffer.Length)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, deadline.Token);
                if (read == 0)
                {
                    return null;
                }

                received += read;
                switch (ProxyHeader.TryRead(new ReadOnlySequence<byte>(buffer, 0, received), out var consumed, out var client))
                {
                    case ProxyHeaderStatus.Parsed:
                        return (client ?? peer, buffer.AsMemory((int)consumed, received - (int)consumed));
                    case ProxyHeaderStatus.Invalid:
                        return null;
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
            return null;
        }
    }
}
