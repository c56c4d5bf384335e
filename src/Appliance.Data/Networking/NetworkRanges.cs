using System.Net;
using System.Net.Sockets;

namespace Appliance.Data.Networking;

/// <summary>
/// Address ranges as operators write them: a CIDR range (<c>203.0.113.0/24</c>, <c>2001:db8::/32</c>)
/// or a single address, which is its own range. The one parser for access-list rules, trusted
/// proxies and anything else that names addresses, in the store and in the engine alike.
/// </summary>
public static class NetworkRanges
{
    /// <summary>Parses <paramref name="text"/>; false when it is neither a range nor an address.</summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            address = ClientAddresses.Normalize(address);
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }

    /// <summary>The ranges of <paramref name="texts"/> that parse, in order (validation refuses the others before they are stored).</summary>
    public static IPNetwork[] ParseAll(IEnumerable<string?> texts) =>
        texts.Select(t => (Parsed: TryParse(t, out var network), Network: network)).Where(r => r.Parsed).Select(r => r.Network).ToArray();

    /// <summary>True when <paramref name="address"/> is in one of <paramref name="networks"/>.</summary>
    public static bool Contains(IReadOnlyList<IPNetwork> networks, IPAddress address)
    {
        for (var i = 0; i < networks.Count; i++)
        {
            if (networks[i].Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
