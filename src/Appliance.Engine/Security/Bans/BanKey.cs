using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Appliance.Data.Networking;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// What a ban holds: an IPv4 address, or an IPv6 /64 (one subscriber holds a whole /64 and could
/// rotate through it), as <see cref="AddressKeys.ThrottleKey"/> counts guesses. A value type made
/// without allocating, so that the look-up at connection accept costs a hash and a compare.
/// </summary>
public readonly record struct BanKey(bool IsIPv6, ulong Bits)
{
    /// <summary>The key of <paramref name="address"/> (IPv4 mapped into IPv6 counts as IPv4).</summary>
    public static BanKey Of(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.IsIPv4MappedToIPv6)
        {
            address.TryWriteBytes(bytes, out _);
            return new BanKey(false, BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]));
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return new BanKey(false, BinaryPrimitives.ReadUInt32BigEndian(bytes));
        }

        address.TryWriteBytes(bytes, out _);
        return new BanKey(true, BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }

    /// <summary>
    /// Reads what an operator names: an address (an IPv6 one stands for its /64), or an IPv6 /64 as
    /// written in a ban's subject (<c>2001:db8:1:2::/64</c>).
    /// </summary>
    public static bool TryParse(string? text, out BanKey key)
    {
        key = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (text.AsSpan(slash + 1) is not "64" || !IPAddress.TryParse(text.AsSpan(0, slash), out var prefix) || prefix.AddressFamily != AddressFamily.InterNetworkV6 || prefix.IsIPv4MappedToIPv6)
            {
                return false;
            }

            key = Of(prefix);
            return true;
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        key = Of(address);
        return true;
    }

    /// <summary>An address inside what the key names (the /64's first address for IPv6), for range checks.</summary>
    public IPAddress Address()
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!IsIPv6)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)Bits);
            return new IPAddress(bytes[..4]);
        }

        bytes.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(bytes, Bits);
        return new IPAddress(bytes);
    }

    /// <summary>The subject as bans, the API and Redis spell it: <c>203.0.113.7</c> or <c>2001:db8:1:2::/64</c>.</summary>
    public override string ToString() => IsIPv6 ? Address() + "/64" : Address().ToString();
}
