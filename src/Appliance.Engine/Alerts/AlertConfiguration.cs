using Appliance.Data.Model;

namespace Appliance.Engine.Alerts;

/// <summary>The alert channels and rules as of one configuration revision.</summary>
internal sealed record AlertConfiguration(long Revision, IReadOnlyDictionary<string, AlertChannelSpec> Channels, IReadOnlyList<AlertRuleSpec> Rules)
{
    public static AlertConfiguration Empty { get; } = new(-1, new Dictionary<string, AlertChannelSpec>(), []);

    /// <summary>The enabled rules that send <paramref name="alert"/> (for an expiring certificate, those whose days it is within).</summary>
    public IEnumerable<AlertRuleSpec> RulesFor(AlertEvent alert) => Rules.Where(rule =>
        rule.Enabled
        && rule.Events.Contains(alert.Kind)
        && (alert.DaysLeft is not { } days || days <= rule.ExpiringWithinDays));
}
