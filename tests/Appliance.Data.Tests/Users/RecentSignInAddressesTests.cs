using System.Net;
using Appliance.Data.Users;

namespace Appliance.Data.Tests.Users;

public sealed class RecentSignInAddressesTests
{
    private static IPAddress Ip(string text) => IPAddress.Parse(text);

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.0/24")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.0/24")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    public void A_place_is_an_ipv4_24_or_an_ipv6_64(string address, string network) =>
        Assert.Equal(network, RecentSignInAddresses.NetworkOf(Ip(address)));

    [Fact]
    public void The_last_five_distinct_networks_are_kept_most_recent_first()
    {
        List<string> recent = [];
        foreach (var address in new[] { "192.0.2.1", "198.51.100.1", "203.0.113.1", "192.0.2.200", "10.0.0.1", "10.0.1.1", "10.0.2.1" })
        {
            recent = RecentSignInAddresses.With(recent, Ip(address));
        }

        // 192.0.2.200 is the network of 192.0.2.1 again: it moved to the front instead of taking a second place.
        Assert.Equal(["10.0.2.0/24", "10.0.1.0/24", "10.0.0.0/24", "192.0.2.0/24", "203.0.113.0/24"], recent);
        Assert.True(RecentSignInAddresses.Contains(recent, Ip("192.0.2.77")));
        Assert.False(RecentSignInAddresses.Contains(recent, Ip("198.51.100.1")));
        Assert.False(RecentSignInAddresses.Contains(recent, null));
    }

    [Fact]
    public void An_entry_from_before_the_list_is_read_as_its_network()
    {
        // What the single last-sign-in column held: the throttle's key of one address.
        Assert.True(RecentSignInAddresses.Contains(["198.51.100.7"], Ip("198.51.100.99")));
        Assert.True(RecentSignInAddresses.Contains(["2001:db8:1:2::/64"], Ip("2001:db8:1:2::42")));
        Assert.False(RecentSignInAddresses.Contains(["unknown"], Ip("198.51.100.99")));
        Assert.Equal(["203.0.113.0/24", "198.51.100.0/24"], RecentSignInAddresses.With(["198.51.100.7", "unknown"], Ip("203.0.113.5")));
    }
}
