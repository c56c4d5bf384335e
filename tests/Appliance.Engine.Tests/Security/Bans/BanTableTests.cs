using System.Net;
using Appliance.Data.Bans;
using Appliance.Engine.Security.Bans;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Security.Bans;

public sealed class BanTableTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_ban_holds_until_it_ends_and_not_a_moment_longer()
    {
        var table = new BanTable(new BanOptions(), _clock);
        Add(table, "203.0.113.7", TimeSpan.FromSeconds(30));

        Assert.True(table.IsBanned(IPAddress.Parse("203.0.113.7")));
        Assert.True(table.IsBanned(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.False(table.IsBanned(IPAddress.Parse("203.0.113.8")));

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(table.IsBanned(IPAddress.Parse("203.0.113.7")));
        Assert.Empty(table.Active());
        Assert.Equal(1, table.Sweep());
    }

    [Fact]
    public void An_IPv6_ban_holds_the_whole_64()
    {
        var table = new BanTable(new BanOptions(), _clock);
        Add(table, "2001:db8:1:2::7", TimeSpan.FromMinutes(1));

        Assert.True(table.IsBanned(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        Assert.False(table.IsBanned(IPAddress.Parse("2001:db8:1:3::7")));
        Assert.Equal("2001:db8:1:2::/64", Assert.Single(table.Active()).Subject);
    }

    [Fact]
    public void An_automatic_ban_keeps_a_longer_one_an_operators_replaces_it()
    {
        var table = new BanTable(new BanOptions(), _clock);
        Add(table, "203.0.113.7", TimeSpan.FromHours(1));

        Assert.False(Add(table, "203.0.113.7", TimeSpan.FromMinutes(1)));
        Assert.Equal(_clock.GetUtcNow().AddHours(1), table.Active()[0].Until);
        Assert.True(Add(table, "203.0.113.7", TimeSpan.FromMinutes(1), replace: true));
        Assert.Equal(_clock.GetUtcNow().AddMinutes(1), table.Active()[0].Until);
    }

    [Fact]
    public void When_full_the_bans_that_end_soonest_make_room()
    {
        var table = new BanTable(new BanOptions { Capacity = 100 }, _clock);
        for (var i = 0; i < 100; i++)
        {
            Add(table, $"198.51.100.{i}", TimeSpan.FromMinutes(10 + i));
        }

        Add(table, "203.0.113.1", TimeSpan.FromHours(5));

        Assert.True(table.IsBanned(IPAddress.Parse("203.0.113.1")));
        Assert.False(table.IsBanned(IPAddress.Parse("198.51.100.0")));
        Assert.True(table.IsBanned(IPAddress.Parse("198.51.100.99")));
        Assert.Equal(100, table.ActiveCount());
    }

    [Fact]
    public void Replacing_with_another_nodes_table_keeps_the_common_bans_and_drops_the_rest()
    {
        var table = new BanTable(new BanOptions(), _clock);
        Add(table, "203.0.113.1", TimeSpan.FromHours(1));
        Add(table, "203.0.113.2", TimeSpan.FromHours(1));

        table.Replace([Ban("203.0.113.2", TimeSpan.FromHours(2)), Ban("2001:db8::/64", TimeSpan.FromHours(1)), Ban("not an address", TimeSpan.FromHours(1))]);

        Assert.False(table.IsBanned(IPAddress.Parse("203.0.113.1")));
        Assert.True(table.IsBanned(IPAddress.Parse("203.0.113.2")));
        Assert.True(table.IsBanned(IPAddress.Parse("2001:db8::1")));
        Assert.Equal(2, table.ActiveCount());
    }

    [Fact]
    public void An_unban_answers_the_ban_it_lifted()
    {
        var table = new BanTable(new BanOptions(), _clock);
        Add(table, "203.0.113.7", TimeSpan.FromHours(1));

        Assert.Equal("203.0.113.7", table.Remove(BanKey.Of(IPAddress.Parse("203.0.113.7")))?.Subject);
        Assert.Null(table.Remove(BanKey.Of(IPAddress.Parse("203.0.113.7"))));
        Assert.False(table.IsBanned(IPAddress.Parse("203.0.113.7")));
    }

    private bool Add(BanTable table, string address, TimeSpan duration, bool replace = false)
    {
        var key = BanKey.Of(IPAddress.Parse(address));
        return table.Add(key, Ban(key.ToString(), duration), replace);
    }

    private SharedBan Ban(string subject, TimeSpan duration) => new(subject, "test", "rule", null, _clock.GetUtcNow(), _clock.GetUtcNow() + duration);
}
