using System.Net;
using Appliance.Data.Networking;

namespace Appliance.Data.Tests.Networking;

public sealed class NetworkRangesTests
{
    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.200", true)]
    [InlineData("203.0.113.0/24", "203.0.114.1", false)]
    [InlineData("203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7", true)]
    [InlineData("2001:db8::/32", "2001:db8:1::1", true)]
    [InlineData("2001:db8::1", "2001:db8::2", false)]
    public void A_range_or_a_single_address_contains_what_it_should(string range, string address, bool contained)
    {
        Assert.True(NetworkRanges.TryParse(range, out var network));
        Assert.Equal(contained, NetworkRanges.Contains([network], ClientAddresses.Normalize(IPAddress.Parse(address))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("300.1.2.3/8")]
    [InlineData("10.0.0.0/33")]
    [InlineData("example.com")]
    public void What_is_neither_a_range_nor_an_address_does_not_parse(string? text) =>
        Assert.False(NetworkRanges.TryParse(text, out _));

    [Fact]
    public void An_IPv4_client_on_a_dual_stack_socket_is_its_IPv4_address()
    {
        Assert.Equal(IPAddress.Parse("203.0.113.7"), ClientAddresses.Normalize(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.Equal(IPAddress.Parse("2001:db8::7"), ClientAddresses.Normalize(IPAddress.Parse("2001:db8::7")));
        Assert.Null(ClientAddresses.NormalizeOrNull(null));
    }

    [Fact]
    public void Unparsable_entries_are_left_out_of_a_list_in_order()
    {
        var networks = NetworkRanges.ParseAll(["10.0.0.0/8", "nonsense", "192.0.2.1"]);

        Assert.Equal(["10.0.0.0/8", "192.0.2.1/32"], networks.Select(n => n.ToString()));
    }
}
