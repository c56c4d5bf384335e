using Appliance.Data.Model;
using Appliance.Engine.Alerts;

namespace Appliance.Engine.Tests.Alerts;

public sealed class AlertGrouperTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly AlertRuleSpec Rule = new() { Name = "ops", Events = [AlertEvents.BackendDown, AlertEvents.BackendUp], Channels = ["hook"], GroupMinutes = 5 };

    [Fact]
    public void The_first_event_goes_at_once_and_the_next_ones_in_the_window_become_one_summary_with_their_count()
    {
        var grouper = new AlertGrouper();

        var first = grouper.Offer(Rule, Event(AlertEvents.BackendDown, 0), T0);
        Assert.NotNull(first);
        Assert.False(first.Grouped);
        Assert.Equal(1, first.Count);

        // A flapping backend: four more changes within the five minutes are held.
        for (var i = 1; i <= 4; i++)
        {
            Assert.Null(grouper.Offer(Rule, Event(i % 2 == 1 ? AlertEvents.BackendUp : AlertEvents.BackendDown, i), T0.AddMinutes(i)));
        }

        Assert.Empty(grouper.Due(T0.AddMinutes(4.9), Window));
        var summary = Assert.Single(grouper.Due(T0.AddMinutes(5), Window));
        Assert.True(summary.Grouped);
        Assert.Equal(4, summary.Count);
        Assert.Equal(["hook"], summary.Channels);
        Assert.Equal(4, grouper.HeldTotal);
        Assert.Contains("4 more event(s)", AlertPayload.Summary(summary), StringComparison.Ordinal);
        Assert.Contains("2 × BackendUp", AlertPayload.Summary(summary), StringComparison.Ordinal);
        Assert.Contains("2 × BackendDown", AlertPayload.Summary(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_opens_the_next_window_and_a_quiet_window_closes()
    {
        var grouper = new AlertGrouper();
        grouper.Offer(Rule, Event(AlertEvents.BackendDown, 0), T0);
        grouper.Offer(Rule, Event(AlertEvents.BackendUp, 1), T0.AddMinutes(1));
        Assert.Single(grouper.Due(T0.AddMinutes(5), Window));

        // Within the window the summary opened: held again.
        Assert.Null(grouper.Offer(Rule, Event(AlertEvents.BackendDown, 6), T0.AddMinutes(6)));
        Assert.Equal(1, Assert.Single(grouper.Due(T0.AddMinutes(10), Window)).Count);

        // Nothing in the next window: it closes, and the next event goes out at once.
        Assert.Empty(grouper.Due(T0.AddMinutes(15), Window));
        var fresh = grouper.Offer(Rule, Event(AlertEvents.BackendUp, 20), T0.AddMinutes(20));
        Assert.NotNull(fresh);
        Assert.False(fresh.Grouped);
    }

    [Fact]
    public void Subjects_and_rules_are_grouped_apart_and_zero_minutes_sends_every_event()
    {
        var grouper = new AlertGrouper();
        Assert.NotNull(grouper.Offer(Rule, Event(AlertEvents.BackendDown, 0, "backend web a"), T0));
        Assert.NotNull(grouper.Offer(Rule, Event(AlertEvents.BackendDown, 0, "backend web b"), T0));
        Assert.NotNull(grouper.Offer(Rule with { Name = "other" }, Event(AlertEvents.BackendDown, 0, "backend web a"), T0));

        var everyEvent = Rule with { Name = "loud", GroupMinutes = 0 };
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(grouper.Offer(everyEvent, Event(AlertEvents.BackendDown, i), T0.AddSeconds(i)));
        }
    }

    [Fact]
    public void Events_held_for_a_rule_that_is_gone_are_let_go()
    {
        var grouper = new AlertGrouper();
        grouper.Offer(Rule, Event(AlertEvents.BackendDown, 0), T0);
        grouper.Offer(Rule, Event(AlertEvents.BackendUp, 1), T0.AddMinutes(1));

        Assert.Empty(grouper.Due(T0.AddMinutes(5), _ => null));
        Assert.NotNull(grouper.Offer(Rule, Event(AlertEvents.BackendUp, 6), T0.AddMinutes(6)));
    }

    private static TimeSpan? Window(string rule) => rule == Rule.Name ? TimeSpan.FromMinutes(Rule.GroupMinutes) : null;

    private static AlertEvent Event(string kind, int minute, string subject = "backend web http://a") =>
        new(kind, subject, $"{kind} at minute {minute}", T0.AddMinutes(minute));
}
