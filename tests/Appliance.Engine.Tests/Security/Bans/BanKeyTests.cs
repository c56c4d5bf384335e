using System.Net;
using Appliance.Engine.Security.Bans;

namespace Appliance.Engine.Tests.Security.Bans;

public sealed class BanKeyTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::/64", "2001:db8:1:2::/64")]
    [InlineData(" 2001:DB8:1:2::1 ", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void An_address_or_a_64_is_read_and_spelled_in_one_form(string text, string subject)
    {
        Assert.True(BanKey.TryParse(text, out var key));
        Assert.Equal(subject, key.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("nope")]
    [InlineData("203.0.113.0/24")]
    [InlineData("2001:db8::/48")]
    [InlineData("203.0.113.7/64")]
    [InlineData("::ffff:203.0.113.7/64")]
    public void Anything_else_is_not_a_ban_key(string text)
    {
        Assert.False(BanKey.TryParse(text, out _));
    }

    [Fact]
    public void IPv4_and_IPv6_keys_never_meet()
    {
        Assert.NotEqual(BanKey.Of(IPAddress.Parse("0.0.0.1")), BanKey.Of(IPAddress.Parse("::1")));
        Assert.Equal(BanKey.Of(IPAddress.Parse("10.1.2.3")), BanKey.Of(IPAddress.Parse("::ffff:10.1.2.3")));
    }
}
