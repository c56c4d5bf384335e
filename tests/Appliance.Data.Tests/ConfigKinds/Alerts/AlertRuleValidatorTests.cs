using Appliance.Data.ConfigKinds.AlertRules;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds.Alerts;

public sealed class AlertRuleValidatorTests
{
    private static readonly ConfigValidationContext Channels = ConfigValidationContext.Knowing<AlertChannelSpec>(new HashSet<string> { "hook", "mail" });

    [Fact]
    public void Events_must_be_known_and_listed_once()
    {
        var errors = ValidatorRun.Errors(new AlertRuleValidator(), Rule() with { Events = ["BackendDown", "Tuesday", "BackendDown", AlertEvents.Test] }, Channels);

        Assert.Equal(["events[1]", "events[2]", "events[3]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("is listed twice", errors["events[2]"][0], StringComparison.Ordinal);
        Assert.Equal("Name at least one event.", ValidatorRun.Errors(new AlertRuleValidator(), Rule() with { Events = [] }, Channels)["events"][0]);
    }

    [Fact]
    public void Channels_must_exist_and_be_listed_once()
    {
        var errors = ValidatorRun.Errors(new AlertRuleValidator(), Rule() with { Channels = ["hook", "pager", "hook"] }, Channels);

        Assert.Equal("There is no alert channel named 'pager'.", errors["channels[1]"][0]);
        Assert.Contains("listed twice", errors["channels[2]"][0], StringComparison.Ordinal);
        Assert.Contains("channels", ValidatorRun.Errors(new AlertRuleValidator(), Rule() with { Channels = [] }, Channels).Keys);
    }

    [Theory]
    [InlineData(0, 5, "expiringWithinDays")]
    [InlineData(366, 5, "expiringWithinDays")]
    [InlineData(14, -1, "groupMinutes")]
    [InlineData(14, 1441, "groupMinutes")]
    public void Days_and_minutes_are_bounded(int days, int minutes, string field)
    {
        var errors = ValidatorRun.Errors(new AlertRuleValidator(), Rule() with { ExpiringWithinDays = days, GroupMinutes = minutes }, Channels);

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void A_rule_with_known_events_and_channels_passes()
    {
        Assert.Empty(ValidatorRun.Errors(new AlertRuleValidator(), Rule() with { Events = AlertEvents.All.ToArray(), GroupMinutes = 0 }, Channels));
    }

    private static AlertRuleSpec Rule() => new() { Name = "ops", Events = [AlertEvents.BackendDown], Channels = ["hook"] };
}
