using System.Buffers;
using System.Net.Sockets;

namespace Appliance.Engine.Streams;

/// <summary>
/// Copies bytes from one socket to another until the sender ends its side, then ends the
/// receiver's sending side in turn (TCP half-close): a client that shuts down its writing still gets
/// the backend's whole answer, as a direct connection would. An idle connection holds no buffer: a
/// database pool keeps hundreds of connections open that say nothing for minutes, so each direction
/// waits for data with a zero-byte receive and rents its buffer only while data flows.
/// </summary>
internal static class StreamPump
{
    /// <summary>Large enough that a bulk transfer takes few system calls; two per open connection.</summary>
    public const int BufferSize = 64 * 1024;

    public static async Task CopyAsync(Socket from, Socket to, StreamConnection connection, bool fromClient, CancellationToken cancellationToken)
    {
        byte[]? buffer = null;
        try
        {
            while (true)
            {
                if (buffer is null)
                {
                    // Returns when there is data (or the end): no buffer is held while nothing comes.
                    await from.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancellationToken);
                    buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                }

                var read = await from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    ShutdownSending(to);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
                connection.Moved(read, fromClient);

                // A full buffer means more is likely waiting: keep it. A short read drained the socket.
                if (read < buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = null;
                }
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Ends a socket's sending side (a FIN); a socket already closed has nothing to end.</summary>
    public static void ShutdownSending(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Closes a socket with a reset rather than a FIN: the peer learns the connection broke, not that it ended.</summary>
    public static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        socket.Dispose();
    }
}
