using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Appliance.Data.Networking;

namespace Appliance.Engine.ProxyProtocol;

/// <summary>
/// Writes a PROXY protocol version 2 header (HAProxy's proxy-protocol.txt, section 2.2) that tells
/// a backend which client a stream's connection is for: the command PROXY over TCP, the client as
/// source and the address it connected to as destination. <see cref="ProxyHeader"/> reads it back.
/// </summary>
public static class ProxyHeaderWriter
{
    private static ReadOnlySpan<byte> Signature => [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    /// <summary>The header for a connection from <paramref name="client"/> to <paramref name="local"/>.</summary>
    public static byte[] V2(IPEndPoint client, IPEndPoint local)
    {
        // A dual-mode listener sees IPv4 clients as ::ffff:a.b.c.d; the backend should see IPv4. The
        // two addresses must be of one family: an IPv4 client of an IPv6 address is sent in IPv6.
        var source = ClientAddresses.Normalize(client.Address);
        var destination = ClientAddresses.Normalize(local.Address);
        var ipv4 = source.AddressFamily == AddressFamily.InterNetwork && destination.AddressFamily == AddressFamily.InterNetwork;
        if (!ipv4)
        {
            source = source.MapToIPv6();
            destination = destination.MapToIPv6();
        }

        var size = ipv4 ? 4 : 16;
        var addresses = (2 * size) + 4;
        var header = new byte[16 + addresses];
        Signature.CopyTo(header);
        header[12] = 0x21; // version 2, PROXY
        header[13] = ipv4 ? (byte)0x11 : (byte)0x21; // TCP over IPv4 or IPv6
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(14), (ushort)addresses);
        source.TryWriteBytes(header.AsSpan(16, size), out _);
        destination.TryWriteBytes(header.AsSpan(16 + size, size), out _);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(16 + (2 * size)), (ushort)client.Port);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(18 + (2 * size)), (ushort)local.Port);
        return header;
    }
}
