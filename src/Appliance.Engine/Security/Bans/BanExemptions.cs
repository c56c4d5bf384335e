using System.Net;
using Appliance.Data.Networking;
using Appliance.Engine.DataPlane;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// Addresses no ban may hold: trusted proxies (banning one would turn away every client behind it),
/// loopback unless <see cref="BanOptions.ExemptLoopback"/> is off, and <see cref="BanOptions.ExemptNetworks"/>.
/// </summary>
public sealed class BanExemptions
{
    private readonly IPNetwork[] _trusted;
    private readonly IPNetwork[] _exempt;

    public BanExemptions(ProxyOptions proxy, BanOptions options)
    {
        _trusted = proxy.TrustedNetworks();
        IPNetwork[] loopback = options.ExemptLoopback ? [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")] : [];
        _exempt = [.. _trusted, .. loopback, .. NetworkRanges.ParseAll(options.ExemptNetworks)];
    }

    /// <summary>Why <paramref name="key"/> cannot be banned, or null when it can.</summary>
    public string? WhyExempt(BanKey key)
    {
        if (Overlaps(_trusted, key))
        {
            return $"{key} is or holds a trusted proxy (Appliance:Proxy:TrustedProxies): banning it would turn away every client behind it.";
        }

        return Overlaps(_exempt, key)
            ? $"{key} is exempt from bans (loopback, or Appliance:Proxy:Bans:ExemptNetworks)."
            : null;
    }

    /// <summary>True when <paramref name="address"/> may never be banned.</summary>
    public bool IsExempt(IPAddress address) => _exempt.Length > 0 && NetworkRanges.Contains(_exempt, ClientAddresses.Normalize(address));

    // An IPv6 key is a whole /64: it overlaps a range that holds it, or that lies inside it (::1 in ::/64).
    private static bool Overlaps(IPNetwork[] networks, BanKey key)
    {
        var address = key.Address();
        var own = new IPNetwork(address, key.IsIPv6 ? 64 : 32);
        foreach (var network in networks)
        {
            if (network.Contains(address) || own.Contains(network.BaseAddress))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="address"/> is a trusted proxy, whose clients are decided per request.</summary>
    public bool IsTrustedProxy(IPAddress address) => _trusted.Length > 0 && NetworkRanges.Contains(_trusted, ClientAddresses.Normalize(address));
}
