using System.Net;
using Appliance.Data.Model;
using Appliance.Engine.Security.Bans;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Security.Bans;

public sealed class BanCounterTests
{
    private static readonly BanKey Client = BanKey.Of(IPAddress.Parse("203.0.113.7"));
    private readonly FakeTimeProvider _clock = new();
    private readonly CompiledBanRule _rule = new(new BanRuleSpec { Name = "r", Statuses = [404], Threshold = 3, WindowSeconds = 60 });

    [Fact]
    public void Answers_count_within_a_window_that_opens_with_the_first()
    {
        var counter = new BanCounter(new BanOptions(), _clock);

        Assert.Equal(1, counter.Hit(_rule, Client));
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(2, counter.Hit(_rule, Client));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, counter.Hit(_rule, Client));
    }

    [Fact]
    public void Rules_and_clients_count_apart_and_forgetting_a_client_starts_it_afresh()
    {
        var counter = new BanCounter(new BanOptions(), _clock);
        var other = new CompiledBanRule(new BanRuleSpec { Name = "other", Statuses = [404] });

        counter.Hit(_rule, Client);
        counter.Hit(_rule, Client);
        counter.Hit(other, Client);
        Assert.Equal(1, counter.Hit(_rule, BanKey.Of(IPAddress.Parse("203.0.113.8"))));

        counter.ForgetAll(Client);
        Assert.Equal(1, counter.Hit(_rule, Client));
        Assert.Equal(1, counter.Hit(other, Client));
    }

    [Fact]
    public void When_full_closed_windows_make_room_and_otherwise_newcomers_go_uncounted()
    {
        var counter = new BanCounter(new BanOptions { MaxTrackedAddresses = 100 }, _clock);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(1, counter.Hit(_rule, BanKey.Of(IPAddress.Parse($"198.51.100.{i}"))));
        }

        Assert.Equal(0, counter.Hit(_rule, Client));
        Assert.Equal(2, counter.Hit(_rule, BanKey.Of(IPAddress.Parse("198.51.100.5"))));

        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, counter.Hit(_rule, Client));
        Assert.Equal(1, counter.Tracked);
    }
}
