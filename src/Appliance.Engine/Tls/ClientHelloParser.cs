using System.Buffers;
using System.Buffers.Binary;

namespace Appliance.Engine.Tls;

/// <summary>
/// Reads what a TLS ClientHello offers that the handshake callback is not told (RFC 8446 §4.1.2):
/// its ALPN protocols (RFC 7301), because TLS-ALPN-01 validation must be told apart from a browser
/// asking for the same name, and whether its supported_versions extension (RFC 8446 §4.2.1) names
/// TLS 1.3, because .NET reports only the record's legacy version there. Only the first record is
/// read; anything unexpected means "offers nothing", never an exception.
/// </summary>
internal static class ClientHelloParser
{
    private const byte HandshakeRecord = 0x16;
    private const byte ClientHello = 0x01;
    private const ushort AlpnExtension = 0x0010;
    private const ushort SupportedVersionsExtension = 0x002b;
    private const ushort Tls13 = 0x0304;

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

    /// <summary>What the ClientHello in <paramref name="record"/> offers: <paramref name="protocol"/> by ALPN, TLS 1.3.</summary>
    public static ClientHelloOffers Parse(ReadOnlySpan<byte> record, ReadOnlySpan<byte> protocol)
    {
        var reader = new Reader(record);
        if (!reader.Skip(5) || !reader.Byte(out var type) || type != ClientHello || !reader.Skip(3 + 2 + 32)
            || !reader.Byte(out var sessionIdLength) || !reader.Skip(sessionIdLength)
            || !reader.UInt16(out var suitesLength) || !reader.Skip(suitesLength)
            || !reader.Byte(out var compressionLength) || !reader.Skip(compressionLength)
            || !reader.UInt16(out var extensionsLength) || !reader.Slice(extensionsLength, out var extensions))
        {
            return ClientHelloOffers.None;
        }

        var offers = ClientHelloOffers.None;
        while (extensions.UInt16(out var extensionType) && extensions.UInt16(out var extensionLength) && extensions.Slice(extensionLength, out var extension))
        {
            if (extensionType == AlpnExtension && OffersProtocol(extension, protocol))
            {
                offers |= ClientHelloOffers.Protocol;
            }
            else if (extensionType == SupportedVersionsExtension && OffersTls13(extension))
            {
                offers |= ClientHelloOffers.Tls13;
            }
        }

        return offers;
    }

    private static bool OffersProtocol(Reader extension, ReadOnlySpan<byte> protocol)
    {
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

    private static bool OffersTls13(Reader extension)
    {
        if (!extension.Byte(out var listLength) || !extension.Slice(listLength, out var versions))
        {
            return false;
        }

        while (versions.UInt16(out var version))
        {
            if (version == Tls13)
            {
                return true;
            }
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
