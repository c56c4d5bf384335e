using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Appliance.Web.Tests.Streams;

/// <summary>
/// A TCP server on loopback that stands in for a database or any other TCP service: each
/// connection gets its name as a first line, then everything it sends is echoed back until it ends
/// its side, when the backend ends its own (a half-close answered as a real server would). It
/// records the first bytes of every connection (a PROXY header shows there) and counts connections.
/// With a certificate it speaks TLS first: the handshake is its own, not the appliance's.
/// </summary>
public sealed class TcpBackend : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;
    private int _open;

    private TcpBackend(string name, X509Certificate2? certificate, int port)
    {
        Name = name;
        _certificate = certificate;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Name { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The backend's address as a pool lists it.</summary>
    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>Connections accepted since start.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>The first bytes (up to 64) each connection sent, in order of arrival.</summary>
    public ConcurrentQueue<byte[]> FirstBytes { get; } = new();

    public static TcpBackend Start(string name, X509Certificate2? certificate = null, int port = 0) => new(name, certificate, port);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        Interlocked.Increment(ref _open);
        try
        {
            using (client)
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(_certificate);
                    stream = tls;
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(Name + "\n"), _stop.Token);
                var buffer = new byte[64 * 1024];
                var first = true;
                while (true)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    if (first)
                    {
                        FirstBytes.Enqueue(buffer[..Math.Min(read, 64)]);
                        first = false;
                    }

                    await stream.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                }

                // The client ended its side: end ours after everything was echoed.
                if (stream is SslStream ssl)
                {
                    await ssl.ShutdownAsync();
                }

                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }
}
