using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>A kept-alive origin connection that forwards a GET and copies a Content-Length response back.</summary>
internal sealed class RawOriginConnection
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[16384];

    private RawOriginConnection(Socket socket) => _socket = socket;

    public static async Task<RawOriginConnection> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return new RawOriginConnection(socket);
    }

    public async Task ForwardAsync(HttpContext context)
    {
        var head = $"GET {context.Request.Path}{context.Request.QueryString} HTTP/1.1\r\nHost: {context.Request.Host}\r\nX-Forwarded-For: {context.Connection.RemoteIpAddress}\r\n\r\n";
        await _socket.SendAsync(_buffer.AsMemory(0, Encoding.ASCII.GetBytes(head, _buffer)));

        var filled = 0;
        int headerEnd;
        do
        {
            filled += await _socket.ReceiveAsync(_buffer.AsMemory(filled));
            headerEnd = _buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
        }
        while (headerEnd < 0);

        var lines = Encoding.ASCII.GetString(_buffer, 0, headerEnd).Split("\r\n");
        context.Response.StatusCode = int.Parse(lines[0].AsSpan(9, 3));
        long remaining = 0;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':');
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                remaining = long.Parse(value);
                context.Response.ContentLength = remaining;
            }
            else if (!name.Equals("Connection", StringComparison.OrdinalIgnoreCase) && !name.Equals("Server", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = value;
            }
        }

        var bodyStart = headerEnd + 4;
        await context.Response.Body.WriteAsync(_buffer.AsMemory(bodyStart, filled - bodyStart));
        remaining -= filled - bodyStart;
        while (remaining > 0)
        {
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(0, (int)Math.Min(_buffer.Length, remaining)));
            await context.Response.Body.WriteAsync(_buffer.AsMemory(0, read));
            remaining -= read;
        }
    }
}
