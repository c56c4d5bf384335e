using Appliance.Data.Model;
using Appliance.Engine.Alerts;

namespace Appliance.Engine.Tests.Alerts;

public sealed class AlertConfigurationTests
{
    [Fact]
    public void An_event_goes_to_the_enabled_rules_that_name_it_and_an_expiring_certificate_only_to_those_whose_days_it_is_within()
    {
        var configuration = new AlertConfiguration(1, new Dictionary<string, AlertChannelSpec>(),
        [
            new AlertRuleSpec { Name = "wide", Events = [AlertEvents.CertificateExpiring], Channels = ["a"], ExpiringWithinDays = 30 },
            new AlertRuleSpec { Name = "narrow", Events = [AlertEvents.CertificateExpiring], Channels = ["a"], ExpiringWithinDays = 3 },
            new AlertRuleSpec { Name = "off", Enabled = false, Events = [AlertEvents.CertificateExpiring, AlertEvents.BackendDown], Channels = ["a"] },
            new AlertRuleSpec { Name = "backends", Events = [AlertEvents.BackendDown], Channels = ["a"] },
        ]);
        var at = DateTimeOffset.UnixEpoch;

        Assert.Equal(["wide"], configuration.RulesFor(new AlertEvent(AlertEvents.CertificateExpiring, "certificate x", "", at) { DaysLeft = 10 }).Select(r => r.Name));
        Assert.Equal(["wide", "narrow"], configuration.RulesFor(new AlertEvent(AlertEvents.CertificateExpiring, "certificate x", "", at) { DaysLeft = 3 }).Select(r => r.Name));
        Assert.Equal(["backends"], configuration.RulesFor(new AlertEvent(AlertEvents.BackendDown, "backend", "", at)).Select(r => r.Name));
        Assert.Empty(configuration.RulesFor(new AlertEvent(AlertEvents.NodeDown, "node b", "", at)));
    }
}
