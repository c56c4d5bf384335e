using System.Net;
using Appliance.Engine.Security.Bans;
using Appliance.Engine.Security.TurnedAway;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Security.TurnedAway;

public sealed class TurnedAwayRecorderTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.7");
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Refusals_land_in_the_second_they_were_made_by_reason_and_the_second_under_way_is_not_shown_yet()
    {
        var recorder = new TurnedAwayRecorder(_clock);

        recorder.Record(TurnedAwayReason.Banned, Attacker);
        recorder.Record(TurnedAwayReason.Banned, Attacker);
        recorder.Record(TurnedAwayReason.RateLimit, Attacker);
        Assert.All(recorder.Series(60), s => Assert.All(s.ByReason, c => Assert.Equal(0, c)));

        _clock.Advance(TimeSpan.FromSeconds(1));
        recorder.Record(TurnedAwayReason.Overload, null);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var series = recorder.Series(60);
        Assert.Equal(60, series.Count);
        var (agoFirst, first) = series[^2];
        var (agoSecond, second) = series[^1];
        Assert.Equal(2, agoFirst);
        Assert.Equal(1, agoSecond);
        Assert.Equal(2, first[(int)TurnedAwayReason.Banned]);
        Assert.Equal(1, first[(int)TurnedAwayReason.RateLimit]);
        Assert.Equal(0, first[(int)TurnedAwayReason.Overload]);
        Assert.Equal(1, second[(int)TurnedAwayReason.Overload]);
        Assert.Equal(0, second[(int)TurnedAwayReason.Banned]);
        Assert.Contains((TurnedAwayReason.Banned, 2L), recorder.Totals());
        Assert.Contains((TurnedAwayReason.Overload, 1L), recorder.Totals());
    }

    [Fact]
    public void A_bucket_a_minute_old_starts_afresh_rather_than_adding_to_what_it_held()
    {
        var recorder = new TurnedAwayRecorder(_clock);
        recorder.Record(TurnedAwayReason.AccessList, Attacker);

        // 64 seconds later the same bucket comes round again.
        _clock.Advance(TimeSpan.FromSeconds(TurnedAwayRates.Slots));
        recorder.Record(TurnedAwayReason.AccessList, Attacker);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var series = recorder.Series(60);
        Assert.Equal(1, series[^1].ByReason[(int)TurnedAwayReason.AccessList]);
        Assert.Equal(1, series.Sum(s => s.ByReason[(int)TurnedAwayReason.AccessList]));

        // Since start both count.
        Assert.Contains((TurnedAwayReason.AccessList, 2L), recorder.Totals());
    }

    [Fact]
    public void A_minute_of_calm_empties_the_series()
    {
        var recorder = new TurnedAwayRecorder(_clock);
        recorder.Record(TurnedAwayReason.Banned, Attacker);
        _clock.Advance(TimeSpan.FromSeconds(61));

        Assert.All(recorder.Series(60), s => Assert.Equal(0, s.ByReason.Sum()));
    }

    [Fact]
    public void Counts_made_from_many_threads_at_once_are_all_kept()
    {
        var recorder = new TurnedAwayRecorder(_clock);
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                recorder.Record(TurnedAwayReason.Banned, Attacker);
            }
        });
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(80_000, recorder.Series(1)[0].ByReason[(int)TurnedAwayReason.Banned]);
        Assert.Equal(80_000, recorder.Top(1)[0].Count);
    }

    [Fact]
    public void The_top_list_orders_by_count_and_keeps_every_reason_an_address_was_turned_away_for()
    {
        var recorder = new TurnedAwayRecorder(_clock);
        var other = IPAddress.Parse("198.51.100.1");
        recorder.Record(TurnedAwayReason.Banned, other);
        for (var i = 0; i < 5; i++)
        {
            recorder.Record(TurnedAwayReason.RateLimit, Attacker);
        }

        recorder.Record(TurnedAwayReason.AccessList, Attacker);

        var top = recorder.Top(10);
        Assert.Equal(2, top.Count);
        Assert.Equal(BanKey.Of(Attacker), top[0].Address);
        Assert.Equal(6, top[0].Count);
        Assert.Equal([TurnedAwayReason.AccessList, TurnedAwayReason.RateLimit], top[0].Reasons);
        Assert.Equal(BanKey.Of(other), top[1].Address);
    }

    [Fact]
    public void IPv6_clients_count_by_their_64_and_IPv4_mapped_ones_as_IPv4()
    {
        var recorder = new TurnedAwayRecorder(_clock);
        recorder.Record(TurnedAwayReason.Banned, IPAddress.Parse("2001:db8:1:2::1"));
        recorder.Record(TurnedAwayReason.Banned, IPAddress.Parse("2001:db8:1:2::ffff"));
        recorder.Record(TurnedAwayReason.Banned, IPAddress.Parse("::ffff:203.0.113.7"));
        recorder.Record(TurnedAwayReason.Banned, Attacker);

        var top = recorder.Top(10);
        Assert.Equal(2, top.Count);
        Assert.Contains(top, o => o.Address.ToString() == "2001:db8:1:2::/64" && o.Count == 2);
        Assert.Contains(top, o => o.Address.ToString() == "203.0.113.7" && o.Count == 2);
    }

    [Fact]
    public void A_flood_of_random_addresses_stays_within_the_slots_and_the_heavy_hitter_stays_on_top()
    {
        var recorder = new TurnedAwayRecorder(_clock);
        var random = new Random(15);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < 100_000; i++)
        {
            random.NextBytes(bytes);
            recorder.Record(TurnedAwayReason.AccessList, new IPAddress(bytes));
            if (i % 10 == 0)
            {
                recorder.Record(TurnedAwayReason.Banned, Attacker);
            }

            if (i == 50_000)
            {
                // Half way through a new generation begins: both stay bounded.
                _clock.Advance(TimeSpan.FromSeconds(TopOffenders.GenerationSeconds));
            }
        }

        Assert.True(recorder.TrackedAddresses <= 2 * TurnedAwayRecorder.OffenderSlots, $"{recorder.TrackedAddresses} addresses tracked");
        var top = recorder.Top(5);
        Assert.Equal(BanKey.Of(Attacker), top[0].Address);

        // Space-saving overestimates by at most total / slots, never under.
        Assert.InRange(top[0].Count, 10_000, 10_000 + (2 * 110_000 / TurnedAwayRecorder.OffenderSlots));
    }

    [Fact]
    public void An_attack_that_stopped_leaves_the_top_list_within_two_generations()
    {
        var recorder = new TurnedAwayRecorder(_clock);
        for (var i = 0; i < 1000; i++)
        {
            recorder.Record(TurnedAwayReason.Banned, Attacker);
        }

        // Into the next generation: still shown, the previous generation is read with the current.
        _clock.Advance(TimeSpan.FromSeconds(TopOffenders.GenerationSeconds));
        Assert.Equal(1000, Assert.Single(recorder.Top(5)).Count);

        // A newcomer in the next generation does not hide it either.
        recorder.Record(TurnedAwayReason.RateLimit, IPAddress.Parse("198.51.100.1"));
        Assert.Equal(2, recorder.Top(5).Count);

        _clock.Advance(TimeSpan.FromSeconds(TopOffenders.GenerationSeconds));
        var left = Assert.Single(recorder.Top(5));
        Assert.Equal("198.51.100.1", left.Address.ToString());

        // An hour later, read without a single refusal in between: nothing left.
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(recorder.Top(5));
        Assert.Equal(0, recorder.TrackedAddresses);
    }

    [Fact]
    public void Every_reason_has_a_label_of_its_own_for_metrics()
    {
        var labels = TurnedAwayReasons.All.Select(TurnedAwayReasons.Label).ToArray();

        Assert.Equal(TurnedAwayReasons.Count, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("access-list", TurnedAwayReasons.Label(TurnedAwayReason.AccessList));
        Assert.Equal("challenge", TurnedAwayReasons.Label(TurnedAwayReason.Challenge));
    }
}
