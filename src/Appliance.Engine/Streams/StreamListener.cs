using System.Net;
using System.Net.Sockets;

namespace Appliance.Engine.Streams;

/// <summary>
/// A stream's own port: a listening socket and its accept loop. The stream behind it can change
/// with every revision (another pool, other limits) without the port closing: the handler looks up
/// the stream of the port in the revision being served when each connection is accepted.
/// </summary>
internal sealed class StreamListener : IAsyncDisposable
{
    private const int Backlog = 512;

    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;

    private StreamListener(Socket socket, int port)
    {
        _socket = socket;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Binds <paramref name="address"/>:<paramref name="port"/>; throws <see cref="SocketException"/> when it cannot.</summary>
    public static StreamListener Open(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.Equals(IPAddress.IPv6Any))
            {
                // Every interface, IPv4 clients included, as the data plane's own ports listen.
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(Backlog);
            return new StreamListener(socket, port);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Accepts connections and hands each to <paramref name="handle"/> with the port, without waiting for it.</summary>
    public void Start(Func<Socket, int, Task> handle) => _accepting = AcceptAsync(handle, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Dispose();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync(Func<Socket, int, Task> handle, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // A client that reset before it was accepted; the port itself is fine.
                continue;
            }

            _ = handle(client, Port);
        }
    }
}
