using System.Net.Sockets;
using System.Text;

namespace Appliance.Web.Tests.Streams;

/// <summary>A TCP client of a stream: connects, reads the backend's first line (its name), sends and reads raw bytes.</summary>
public sealed class StreamClient : IDisposable
{
    private readonly TcpClient _tcp;

    private StreamClient(TcpClient tcp) => _tcp = tcp;

    public Socket Socket => _tcp.Client;

    public NetworkStream Stream => _tcp.GetStream();

    public static async Task<StreamClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        return new StreamClient(tcp);
    }

    /// <summary>The first line the backend sent (its name), or null when the connection ended (or was reset) before one.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var line = new StringBuilder();
        var one = new byte[1];
        try
        {
            while (true)
            {
                var read = await Stream.ReadAsync(one, deadline.Token);
                if (read == 0)
                {
                    return null;
                }

                if (one[0] == '\n')
                {
                    return line.ToString();
                }

                line.Append((char)one[0]);
            }
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Everything until the other side ends, or null when the connection is reset.</summary>
    public async Task<byte[]?> ReadToEndAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var all = new MemoryStream();
        try
        {
            await Stream.CopyToAsync(all, deadline.Token);
            return all.ToArray();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Connects and reads the banner: the name of the backend that took the connection, or null.</summary>
    public static async Task<string?> BackendOfAsync(int port)
    {
        try
        {
            using var client = await ConnectAsync(port);
            return await client.ReadLineAsync();
        }
        catch (SocketException)
        {
            return null;
        }
    }

    public void Dispose() => _tcp.Dispose();
}
