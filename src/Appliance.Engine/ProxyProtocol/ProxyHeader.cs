using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace Appliance.Engine.ProxyProtocol;

/// <summary>
/// Reads the PROXY protocol header (HAProxy's proxy-protocol.txt, versions 1 and 2) that a TCP
/// balancer puts before the client's first byte. Only TCP over IPv4 and IPv6 name a client; LOCAL
/// (the balancer's own health check), UNKNOWN and UNSPEC keep the connection's address.
/// </summary>
public static class ProxyHeader
{
    /// <summary>Version 1 headers are at most 107 bytes, CRLF included.</summary>
    public const int MaxV1Length = 107;

    /// <summary>Version 2 headers longer than this are refused: addresses take 36 bytes, balancers' TLVs a few hundred.</summary>
    public const int MaxV2Length = 16 + 2048;

    private static ReadOnlySpan<byte> V2Signature => [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    private static ReadOnlySpan<byte> V1Prefix => "PROXY "u8;

    /// <summary>Looks for a whole header at the start of <paramref name="buffer"/>; <paramref name="consumed"/> is its length.</summary>
    public static ProxyHeaderStatus TryRead(ReadOnlySequence<byte> buffer, out long consumed, out IPEndPoint? client)
    {
        consumed = 0;
        client = null;
        var head = First(buffer, MaxV2Length);
        if (head.Length == 0)
        {
            return ProxyHeaderStatus.Incomplete;
        }

        if (head[0] == V2Signature[0])
        {
            return ReadV2(head, out consumed, out client);
        }

        return head[0] == V1Prefix[0] ? ReadV1(head, out consumed, out client) : ProxyHeaderStatus.Invalid;
    }

    private static ProxyHeaderStatus ReadV2(ReadOnlySpan<byte> head, out long consumed, out IPEndPoint? client)
    {
        consumed = 0;
        client = null;
        var signature = head[..Math.Min(head.Length, V2Signature.Length)];
        if (!V2Signature.StartsWith(signature))
        {
            return ProxyHeaderStatus.Invalid;
        }

        if (head.Length < 16)
        {
            return ProxyHeaderStatus.Incomplete;
        }

        var version = head[12] >> 4;
        var command = head[12] & 0x0F;
        var length = 16 + BinaryPrimitives.ReadUInt16BigEndian(head[14..16]);
        if (version != 2 || command > 1 || length > MaxV2Length)
        {
            return ProxyHeaderStatus.Invalid;
        }

        if (head.Length < length)
        {
            return ProxyHeaderStatus.Incomplete;
        }

        consumed = length;
        var family = head[13] >> 4;
        var transport = head[13] & 0x0F;
        if (command == 0 || transport != 1 || family is not (1 or 2))
        {
            // LOCAL, UDP, UNIX or UNSPEC: nothing that names a TCP client.
            return ProxyHeaderStatus.Parsed;
        }

        var addresses = head[16..length];
        var size = family == 1 ? 4 : 16;
        if (addresses.Length < (2 * size) + 4)
        {
            return ProxyHeaderStatus.Invalid;
        }

        var port = BinaryPrimitives.ReadUInt16BigEndian(addresses.Slice(2 * size, 2));
        client = new IPEndPoint(new IPAddress(addresses[..size]), port);
        return ProxyHeaderStatus.Parsed;
    }

    private static ProxyHeaderStatus ReadV1(ReadOnlySpan<byte> head, out long consumed, out IPEndPoint? client)
    {
        consumed = 0;
        client = null;
        var prefix = head[..Math.Min(head.Length, V1Prefix.Length)];
        if (!V1Prefix.StartsWith(prefix))
        {
            return ProxyHeaderStatus.Invalid;
        }

        var window = head[..Math.Min(head.Length, MaxV1Length)];
        var end = window.IndexOf("\r\n"u8);
        if (end < 0)
        {
            return window.Length == MaxV1Length ? ProxyHeaderStatus.Invalid : ProxyHeaderStatus.Incomplete;
        }

        consumed = end + 2;
        var fields = Encoding.ASCII.GetString(window[V1Prefix.Length..end]).Split(' ');
        if (fields[0] == "UNKNOWN")
        {
            return ProxyHeaderStatus.Parsed;
        }

        // TCP4|TCP6 source destination source-port destination-port, one space apart.
        if (fields.Length != 5 || fields[0] is not ("TCP4" or "TCP6")
            || !IPAddress.TryParse(fields[1], out var source) || !IPAddress.TryParse(fields[2], out _)
            || source.AddressFamily != (fields[0] == "TCP4" ? System.Net.Sockets.AddressFamily.InterNetwork : System.Net.Sockets.AddressFamily.InterNetworkV6)
            || !ushort.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !ushort.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return ProxyHeaderStatus.Invalid;
        }

        client = new IPEndPoint(source, port);
        return ProxyHeaderStatus.Parsed;
    }

    // The header is small and read once per connection: a copy when it spans segments is cheap.
    private static ReadOnlySpan<byte> First(ReadOnlySequence<byte> buffer, int most)
    {
        var slice = buffer.Length > most ? buffer.Slice(0, most) : buffer;
        return slice.IsSingleSegment ? slice.FirstSpan : slice.ToArray();
    }
}
