using Appliance.Data.Uptime;
using Appliance.Engine.Uptime;

namespace Appliance.Engine.Tests.Uptime;

public sealed class UptimeCalculatorTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Uptime_is_time_in_rotation_over_time_observed_within_one_run()
    {
        var run = Session(1, 0, 10);
        var transitions = new[] { Up(1, 0), Down(1, 2), Up(1, 3) };

        var timeline = UptimeCalculator.Timeline([run], transitions, At(0), At(10), liveSessionId: null);
        var window = UptimeCalculator.Measure(timeline);

        Assert.Equal(TimeSpan.FromHours(9), window.Up);
        Assert.Equal(TimeSpan.FromHours(1), window.Down);
        Assert.Equal(90, window.Percent);
        Assert.Equal([(0, 2, "Up"), (2, 3, "Down"), (3, 10, "Up")], Hours(timeline));
    }

    [Fact]
    public void Time_the_node_was_not_running_is_unknown_and_not_counted_as_down()
    {
        // Up for two hours, the node stops for two, comes back to find the backend down for an hour, then up.
        var first = Session(1, 0, 2);
        var second = Session(2, 4, 6);
        var transitions = new[] { Up(1, 0), Down(2, 4), Up(2, 5) };

        var timeline = UptimeCalculator.Timeline([first, second], transitions, At(0), At(6), liveSessionId: null);
        var window = UptimeCalculator.Measure(timeline);

        Assert.Equal([(0, 2, "Up"), (2, 4, "Unknown"), (4, 5, "Down"), (5, 6, "Up")], Hours(timeline));
        Assert.Equal(TimeSpan.FromHours(3), window.Up);
        Assert.Equal(TimeSpan.FromHours(1), window.Down);
        Assert.Equal(75, window.Percent);
    }

    [Fact]
    public void A_run_starts_unknown_until_its_first_verdict_and_a_state_does_not_carry_over_from_the_run_before()
    {
        var first = Session(1, 0, 2);
        var second = Session(2, 2, 6);
        var transitions = new[] { Down(1, 0), Up(2, 3) };

        var timeline = UptimeCalculator.Timeline([first, second], transitions, At(0), At(6), liveSessionId: null);

        Assert.Equal([(0, 2, "Down"), (2, 3, "Unknown"), (3, 6, "Up")], Hours(timeline));
        Assert.Equal(60, UptimeCalculator.Measure(timeline).Percent);
    }

    [Fact]
    public void A_backend_that_left_the_configuration_is_unknown_from_then_on()
    {
        var run = Session(1, 0, 8);
        var transitions = new[] { Up(1, 0), Transition(1, 4, UptimeStates.Unobserved), Down(1, 6) };

        var timeline = UptimeCalculator.Timeline([run], transitions, At(0), At(8), liveSessionId: null);

        Assert.Equal([(0, 4, "Up"), (4, 6, "Unknown"), (6, 8, "Down")], Hours(timeline));
        Assert.Equal(TimeSpan.FromHours(2), UptimeCalculator.Measure(timeline).Down);
    }

    [Fact]
    public void A_transition_before_the_window_says_what_held_at_its_start()
    {
        var run = Session(1, 0, 48);
        var transitions = new[] { Down(1, 1), Up(1, 30) };

        var timeline = UptimeCalculator.Timeline([run], transitions, At(24), At(48), liveSessionId: null);

        Assert.Equal([(24, 30, "Down"), (30, 48, "Up")], Hours(timeline));
        Assert.Equal(75, UptimeCalculator.Measure(timeline).Percent);
    }

    [Fact]
    public void The_live_run_lasts_until_now_whatever_its_last_mark_says()
    {
        var run = Session(7, 0, 1);
        var transitions = new[] { Up(7, 0), Down(7, 3) };

        var live = UptimeCalculator.Timeline([run], transitions, At(0), At(4), liveSessionId: 7);
        var ended = UptimeCalculator.Timeline([run], transitions, At(0), At(4), liveSessionId: null);

        Assert.Equal([(0, 3, "Up"), (3, 4, "Down")], Hours(live));
        Assert.Equal([(0, 1, "Up"), (1, 4, "Unknown")], Hours(ended));
    }

    [Fact]
    public void Nothing_observed_gives_no_figure_rather_than_zero_or_a_hundred()
    {
        var timeline = UptimeCalculator.Timeline([], [], At(0), At(24), liveSessionId: null);

        Assert.Equal([(0, 24, "Unknown")], Hours(timeline));
        Assert.Null(UptimeCalculator.Measure(timeline).Percent);
    }

    [Fact]
    public void Windows_are_cut_from_the_longer_timeline_at_their_start()
    {
        var run = Session(1, 0, 30 * 24);
        var transitions = new[] { Up(1, 0), Down(1, (30 * 24) - 12), Up(1, (30 * 24) - 6) };
        var timeline = UptimeCalculator.Timeline([run], transitions, At(0), At(30 * 24), liveSessionId: null);

        var day = UptimeCalculator.Measure(UptimeCalculator.Since(timeline, At((30 * 24) - 24)));
        var month = UptimeCalculator.Measure(timeline);

        Assert.Equal(75, day.Percent);
        Assert.Equal(Math.Round(100.0 * ((30 * 24) - 6) / (30 * 24), 3), month.Percent);
    }

    private static DateTimeOffset At(double hours) => T0.AddHours(hours);

    private static UptimeSession Session(long id, double start, double lastSeen) => new(id, "n1", At(start), At(lastSeen));

    private static HealthTransition Up(long session, double hours) => Transition(session, hours, UptimeStates.Up);

    private static HealthTransition Down(long session, double hours) => Transition(session, hours, UptimeStates.Down);

    private static HealthTransition Transition(long session, double hours, string state) =>
        new(session, "n1", "web", "http://a", At(hours), state, "probe", null);

    private static (double From, double To, string State)[] Hours(IEnumerable<UptimeSegment> segments) =>
        segments.Select(s => ((s.From - T0).TotalHours, (s.To - T0).TotalHours, s.State)).ToArray();
}
