using System.Buffers.Binary;
using System.Text;

namespace Appliance.Engine.Streams;

/// <summary>
/// Reads the server name a TLS ClientHello asks for (RFC 8446 §4.1.2, the server_name extension of
/// RFC 6066 §3), so that a connection can be routed before any TLS is done. Only the first record is
/// read; anything unexpected (not a handshake, malformed, no name, a name that is not ASCII) is
/// "no name", never an exception: such a connection goes on to Kestrel's TLS untouched.
/// </summary>
internal static class ClientHelloServerName
{
    private const byte HandshakeRecord = 0x16;
    private const byte ClientHello = 0x01;
    private const ushort ServerNameExtension = 0x0000;
    private const byte HostName = 0x00;

    /// <summary>The lower-case host name in the ClientHello that <paramref name="record"/> (a whole TLS record) carries, or null.</summary>
    public static string? Read(ReadOnlySpan<byte> record)
    {
        if (!Take(ref record, 5, out var header) || header[0] != HandshakeRecord
            || !Take(ref record, 4, out var handshake) || handshake[0] != ClientHello
            || !Take(ref record, 2 + 32, out _)
            || !TakeVector8(ref record, out _)
            || !TakeVector16(ref record, out _)
            || !TakeVector8(ref record, out _)
            || !TakeVector16(ref record, out var extensions))
        {
            return null;
        }

        while (Take(ref extensions, 4, out var extensionHeader) && TakeBytes(ref extensions, BinaryPrimitives.ReadUInt16BigEndian(extensionHeader[2..]), out var body))
        {
            if (BinaryPrimitives.ReadUInt16BigEndian(extensionHeader) != ServerNameExtension)
            {
                continue;
            }

            if (!TakeVector16(ref body, out var names))
            {
                return null;
            }

            while (Take(ref names, 1, out var type) && TakeVector16(ref names, out var name))
            {
                if (type[0] == HostName)
                {
                    return HostNameOf(name);
                }
            }

            return null;
        }

        return null;
    }

    // A DNS name in ASCII (RFC 6066: no trailing dot, IDNs in their A-label form); anything else is no name.
    private static string? HostNameOf(ReadOnlySpan<byte> name)
    {
        if (name.Length is 0 or > 255)
        {
            return null;
        }

        foreach (var b in name)
        {
            if (b is not ((>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.'))
            {
                return null;
            }
        }

        return Encoding.ASCII.GetString(name).TrimEnd('.').ToLowerInvariant();
    }

    private static bool Take(ref ReadOnlySpan<byte> data, int count, out ReadOnlySpan<byte> taken) => TakeBytes(ref data, count, out taken);

    private static bool TakeBytes(ref ReadOnlySpan<byte> data, int count, out ReadOnlySpan<byte> taken)
    {
        if (data.Length < count)
        {
            taken = default;
            return false;
        }

        taken = data[..count];
        data = data[count..];
        return true;
    }

    private static bool TakeVector8(ref ReadOnlySpan<byte> data, out ReadOnlySpan<byte> vector)
    {
        vector = default;
        return Take(ref data, 1, out var length) && TakeBytes(ref data, length[0], out vector);
    }

    private static bool TakeVector16(ref ReadOnlySpan<byte> data, out ReadOnlySpan<byte> vector)
    {
        vector = default;
        return Take(ref data, 2, out var length) && TakeBytes(ref data, BinaryPrimitives.ReadUInt16BigEndian(length), out vector);
    }
}
