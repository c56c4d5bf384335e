using System.Net;
using System.Net.Sockets;
using Appliance.Data.Networking;

namespace Appliance.Data.Users;

/// <summary>
/// Where a user signed in lately: the networks of their last <see cref="Kept"/> distinct successful
/// sign-ins, most recent first. Known networks are exempt from the slow-down that guesses from many
/// addresses bring, so an owner who works from home, an office and a phone is not refused everywhere
/// but the last. A network is an IPv4 /24 or an IPv6 /64, so that a router handing out another
/// address of the same line, or IPv6 privacy addresses, keep the place known.
/// </summary>
internal static class RecentSignInAddresses
{
    public const int Kept = 5;

    /// <summary>True when <paramref name="address"/> lies in one of the <paramref name="recent"/> networks.</summary>
    public static bool Contains(IReadOnlyList<string> recent, IPAddress? address) =>
        address is not null && recent.Select(Read).Contains(NetworkOf(address), StringComparer.Ordinal);

    /// <summary><paramref name="recent"/> with the network of <paramref name="address"/> first, each network once, at most <see cref="Kept"/>.</summary>
    public static List<string> With(IReadOnlyList<string> recent, IPAddress? address)
    {
        if (address is null)
        {
            return [.. recent];
        }

        var network = NetworkOf(address);
        return [.. recent.Select(Read).OfType<string>().Prepend(network).Distinct(StringComparer.Ordinal).Take(Kept)];
    }

    /// <summary>The network key of an address: <c>203.0.113.0/24</c>, <c>2001:db8:1:2::/64</c>.</summary>
    public static string NetworkOf(IPAddress address)
    {
        address = ClientAddresses.Normalize(address);
        var bytes = address.GetAddressBytes();
        var prefix = address.AddressFamily == AddressFamily.InterNetwork ? 24 : 64;
        Array.Clear(bytes, prefix / 8, bytes.Length - prefix / 8);
        return $"{new IPAddress(bytes)}/{prefix}";
    }

    // Entries from before the list existed hold the sign-in throttle's key of one address
    // (203.0.113.7, or 2001:db8:1:2::/64); they are read as that address's network.
    private static string? Read(string entry) =>
        NetworkRanges.TryParse(entry, out var network) ? NetworkOf(network.BaseAddress) : null;
}
