using System.Net;
using Appliance.Data.Networking;

namespace Appliance.Data.Tests.Networking;

public sealed class AddressKeysTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::/64")]
    public void Addresses_are_counted_as_IPv4_or_by_their_IPv6_64(string address, string key) =>
        Assert.Equal(key, AddressKeys.ThrottleKey(IPAddress.Parse(address)));

    [Fact]
    public void No_address_has_a_key_of_its_own() => Assert.Equal("unknown", AddressKeys.ThrottleKey(null));
}
