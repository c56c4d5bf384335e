using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Appliance.Web.Tests.Alerts;

/// <summary>
/// An SMTP server on loopback that accepts every message and keeps it, with the credentials it was
/// given: enough of RFC 5321 (EHLO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for
/// MailKit to deliver to it over a real socket.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    public static SmtpSink Start()
    {
        var sink = new SmtpSink();
        sink._listener.Start();
        sink._accepting = sink.AcceptAsync();
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        string? user = null, password = null, from = null;
        var to = new List<string>();
        await writer.WriteLineAsync("220 sink ESMTP");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-sink");
                    await writer.WriteLineAsync("250 AUTH PLAIN LOGIN");
                    break;
                case "AUTH" when line.Split(' ') is [_, var mechanism, var initial] && mechanism.Equals("PLAIN", StringComparison.OrdinalIgnoreCase):
                    (user, password) = Plain(initial);
                    await writer.WriteLineAsync("235 ok");
                    break;
                case "AUTH" when line.Split(' ') is [_, var mechanism] && mechanism.Equals("PLAIN", StringComparison.OrdinalIgnoreCase):
                    await writer.WriteLineAsync("334 ");
                    (user, password) = Plain(await reader.ReadLineAsync() ?? "");
                    await writer.WriteLineAsync("235 ok");
                    break;
                case "AUTH":
                    await writer.WriteLineAsync("334 VXNlcm5hbWU6");
                    user = Decode(await reader.ReadLineAsync() ?? "");
                    await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
                    password = Decode(await reader.ReadLineAsync() ?? "");
                    await writer.WriteLineAsync("235 ok");
                    break;
                case "MAIL":
                    from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                    await writer.WriteLineAsync("250 ok");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                    await writer.WriteLineAsync("250 ok");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 go on");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    Messages.Enqueue(new ReceivedMail(from ?? "", to.ToArray(), user, password, data.ToString()));
                    to.Clear();
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
    }

    private static (string User, string Password) Plain(string base64)
    {
        var parts = Decode(base64).Split('\0');
        return (parts[1], parts[2]);
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
}

/// <summary>One message as the sink got it: envelope, the credentials used, and the raw message.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string? User, string? Password, string Data);
