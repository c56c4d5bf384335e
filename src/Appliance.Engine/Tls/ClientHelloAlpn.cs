using System.Buffers;
using System.Buffers.Binary;

namespace Appliance.Engine.Tls;

/// <summary>
/// Reads the ALPN protocols a TLS ClientHello offers (RFC 5246 §7.4.1.2, RFC 7301), because the
/// handshake callback learns the server name but not those: TLS-ALPN-01 validation must be told
/// apart from a browser asking for the same name. Only the first record is read; anything
/// unexpected means "no ALPN", never an exception.
/// </summary>
internal static class ClientHelloAlpn
{
    private const byte HandshakeRecord = 0x16;
    private const byte ClientHello = 0x01;
    private const ushort AlpnExtension = 0x0010;

    /// <summary>How many bytes of the first record are needed to parse it, or 0 when it is not a TLS handshake.</summary>
    public static int RecordLength(ReadOnlySequence<byte> data)
    {
        if (data.Length < 5)
        {
            return 5;
        }

        Span<byte> header = stackalloc byte[5];
        data.Slice(0, 5).CopyTo(header);
        return header[0] == HandshakeRecord ? 5 + BinaryPrimitives.ReadUInt16BigEndian(header[3..]) : 0;
    }

    /// <summary>True when the ClientHello in <paramref name="record"/> offers <paramref name="protocol"/>.</summary>
    public static bool Offers(ReadOnlySpan<byte> record, ReadOnlySpan<byte> protocol)
    {
        var reader = new Reader(record);
        if (!reader.Skip(5) || !reader.Byte(out var type) || type != ClientHello || !reader.Skip(3 + 2 + 32)
            || !reader.Byte(out var sessionIdLength) || !reader.Skip(sessionIdLength)
            || !reader.UInt16(out var suitesLength) || !reader.Skip(suitesLength)
            || !reader.Byte(out var compressionLength) || !reader.Skip(compressionLength)
            || !reader.UInt16(out var extensionsLength) || !reader.Slice(extensionsLength, out var extensions))
        {
            return false;
        }

        while (extensions.UInt16(out var extensionType) && extensions.UInt16(out var extensionLength) && extensions.Slice(extensionLength, out var extension))
        {
            if (extensionType != AlpnExtension)
            {
                continue;
            }

            if (!extension.UInt16(out var listLength) || !extension.Slice(listLength, out var list))
            {
                return false;
            }

            while (list.Byte(out var nameLength) && list.Bytes(nameLength, out var name))
            {
                if (name.SequenceEqual(protocol))
                {
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _data = data;

        public bool Skip(int count)
        {
            if (_data.Length < count)
            {
                return false;
            }

            _data = _data[count..];
            return true;
        }

        public bool Byte(out byte value)
        {
            value = _data.Length > 0 ? _data[0] : (byte)0;
            return Skip(1);
        }

        public bool UInt16(out ushort value)
        {
            value = _data.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(_data) : (ushort)0;
            return Skip(2);
        }

        public bool Bytes(int count, out ReadOnlySpan<byte> value)
        {
            value = _data.Length >= count ? _data[..count] : default;
            return Skip(count);
        }

        public bool Slice(int count, out Reader slice)
        {
            slice = new Reader(_data.Length >= count ? _data[..count] : default);
            return Skip(count);
        }
    }
}
