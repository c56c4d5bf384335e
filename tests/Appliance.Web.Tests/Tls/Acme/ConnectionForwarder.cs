using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Appliance.Web.Tests.Tls.Acme;

/// <summary>
/// A loopback TCP forwarder standing where Pebble validates HTTP-01: it sends each connection to
/// the node a callback picks when the connection arrives, and records which node it was and the
/// first line that node answered, so a test can tell who answered the CA.
/// </summary>
public sealed class ConnectionForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<Task<(string Name, int Port)>> _pickTarget;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private ConnectionForwarder(int port, Func<Task<(string Name, int Port)>> pickTarget)
    {
        _pickTarget = pickTarget;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Every forwarded connection: the node it went to and the first line of that node's answer.</summary>
    public ConcurrentQueue<(string Node, string FirstLine)> Forwarded { get; } = new();

    public static ConnectionForwarder Start(int port, Func<Task<(string Name, int Port)>> pickTarget) => new(port, pickTarget);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                var (name, port) = await _pickTarget();
                await upstream.ConnectAsync(IPAddress.Loopback, port, _stop.Token);
                var toNode = client.GetStream().CopyToAsync(upstream.GetStream(), _stop.Token);
                var fromNode = CopyRecordingFirstLineAsync(upstream.GetStream(), client.GetStream(), name);
                await Task.WhenAny(toNode, fromNode);
                await fromNode;
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One side went away: the connection is over.
            }
        }
    }

    private async Task CopyRecordingFirstLineAsync(Stream from, Stream to, string node)
    {
        var buffer = new byte[8192];
        var recorded = false;
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            if (!recorded)
            {
                var text = Encoding.ASCII.GetString(buffer, 0, read);
                Forwarded.Enqueue((node, text.Split("\r\n")[0]));
                recorded = true;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }

        // The node closed: so does the client's side, which ends its request.
        to.Close();
    }
}
