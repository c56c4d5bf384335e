using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Appliance.Web.Tests.Infrastructure;

/// <summary>
/// An HTTP/1.1 origin on a loopback socket that writes, per path, exactly the bytes the test scripts: what Kestrel
/// will not send (a 103 before the final answer, a Connection field naming other fields) reaches the appliance as is.
/// </summary>
public sealed class RawOrigin : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private Task _accepting = Task.CompletedTask;

    public string Address => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public static RawOrigin Start()
    {
        var origin = new RawOrigin();
        origin._listener.Start();
        origin._accepting = origin.AcceptAsync();
        return origin;
    }

    /// <summary>Answers <paramref name="path"/> with <paramref name="rawResponse"/>, CRLFs and all.</summary>
    public void On(string path, string rawResponse) => _answers[path] = rawResponse;

    public int Count(string path) => _counts.GetValueOrDefault(path);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var connection = client;
        var stream = client.GetStream();
        var buffer = new byte[16384];
        var pending = new StringBuilder();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                var text = pending.ToString();
                var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end < 0)
                {
                    continue;
                }

                // Requests here have no body: the head is the whole request.
                pending.Remove(0, end + 4);
                var path = text.Split(' ', 3)[1];
                _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
                var answer = _answers.GetValueOrDefault(path, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The appliance closed the connection, or the origin stopped.
        }
    }
}
