using System.Net.Sockets;
using System.Text;

namespace Appliance.Web.Tests.Infrastructure;

/// <summary>
/// HTTP/1.1 over a bare socket, for request targets that HttpClient would tidy up before sending
/// (<c>//x</c>, <c>/./x</c>, backslashes, absolute form).
/// </summary>
public static class RawHttp
{
    /// <summary>Sends one request with <c>Connection: close</c> and returns the status code and the whole response.</summary>
    public static async Task<(int Status, string Response)> SendAsync(Uri server, string method, string target, string host, params string[] headers)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.Append("\r\n").ToString()));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(15));
        var status = response.Length >= 12 && int.TryParse(response.AsSpan(9, 3), out var code) ? code : 0;
        return (status, response);
    }
}
