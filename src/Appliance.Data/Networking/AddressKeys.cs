using System.Net;
using System.Net.Sockets;

namespace Appliance.Data.Networking;

/// <summary>
/// The key under which a client address is counted by anything that limits guessing: IPv4 as
/// itself (also when mapped into IPv6, as a dual-stack socket shows it), IPv6 by its /64 prefix,
/// because one subscriber is given a whole /64 and can rotate through it at will.
/// </summary>
public static class AddressKeys
{
    /// <summary>The throttling key of <paramref name="address"/>: <c>203.0.113.7</c>, <c>2001:db8:1:2::/64</c>, or <c>unknown</c>.</summary>
    public static string ThrottleKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        address = ClientAddresses.Normalize(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes) + "/64";
    }
}
