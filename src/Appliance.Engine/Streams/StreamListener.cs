using System.Net;
using System.Net.Sockets;

namespace Appliance.Engine.Streams;

/// <summary>
/// A stream's own port: a listening socket and its accept loop. The stream behind it can change
/// with every revision (another pool, other limits) without the port closing; each connection
/// takes the plan current when it was accepted.
/// </summary>
internal sealed class StreamListener : IAsyncDisposable
{
    private const int Backlog = 512;

    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;
    private StreamPlan _plan;

    private StreamListener(Socket socket, StreamPlan plan)
    {
        _socket = socket;
        _plan = plan;
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>The stream new connections get.</summary>
    public StreamPlan Plan
    {
        get => Volatile.Read(ref _plan);
        set => Volatile.Write(ref _plan, value);
    }

    /// <summary>Binds <paramref name="address"/>:<paramref name="port"/>; throws <see cref="SocketException"/> when it cannot.</summary>
    public static StreamListener Open(IPAddress address, int port, StreamPlan plan)
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
            return new StreamListener(socket, plan);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Accepts connections and hands each to <paramref name="handle"/> with the plan of the moment, without waiting for it.</summary>
    public void Start(Func<Socket, StreamPlan, Task> handle) => _accepting = AcceptAsync(handle, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Dispose();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync(Func<Socket, StreamPlan, Task> handle, CancellationToken stop)
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

            _ = handle(client, Plan);
        }
    }
}
