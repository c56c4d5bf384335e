using System.Net;

namespace Appliance.Data.Networking;

/// <summary>
/// The one spelling of a client address: on a dual-stack socket an IPv4 client arrives as
/// <c>::ffff:203.0.113.7</c>, which no IPv4 range contains and no operator expects to read in a
/// log; it is unwrapped to <c>203.0.113.7</c> wherever an address is compared or shown.
/// </summary>
public static class ClientAddresses
{
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary><see cref="Normalize(IPAddress)"/>, passing null through.</summary>
    public static IPAddress? NormalizeOrNull(IPAddress? address) => address is null ? null : Normalize(address);
}
