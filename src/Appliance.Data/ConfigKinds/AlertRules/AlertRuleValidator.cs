using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.AlertRules;

/// <summary>A rule's events (known ones, each once), its channels (existing ones, each once) and its bounds.</summary>
internal sealed class AlertRuleValidator : IConfigValidator<AlertRuleSpec>
{
    public const int MaxChannels = 20;
    public const int MaxExpiringWithinDays = 365;
    public const int MaxGroupMinutes = 1440;

    public void Validate(AlertRuleSpec rule, ConfigValidationContext context, ValidationErrors errors)
    {
        NameRule.Check(rule.Name, errors);
        CheckEvents(rule.Events, errors);
        CheckChannels(rule.Channels, context, errors);
        if (rule.ExpiringWithinDays is < 1 or > MaxExpiringWithinDays)
        {
            errors.Add("expiringWithinDays", $"Use 1 to {MaxExpiringWithinDays} days.");
        }

        if (rule.GroupMinutes is < 0 or > MaxGroupMinutes)
        {
            errors.Add("groupMinutes", $"Use 0 (send every event at once) to {MaxGroupMinutes} minutes.");
        }
    }

    private static void CheckEvents(IReadOnlyList<string>? events, ValidationErrors errors)
    {
        if (events is null || events.Count == 0)
        {
            errors.Add("events", "Name at least one event.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            if (!AlertEvents.All.Contains(events[i]))
            {
                errors.Add($"events[{i}]", $"'{events[i]}' is not an event; use {string.Join(", ", AlertEvents.All)}.");
            }
            else if (!seen.Add(events[i]))
            {
                errors.Add($"events[{i}]", $"'{events[i]}' is listed twice.");
            }
        }
    }

    private static void CheckChannels(IReadOnlyList<string>? channels, ConfigValidationContext context, ValidationErrors errors)
    {
        if (channels is null || channels.Count == 0)
        {
            errors.Add("channels", "Name at least one channel.");
            return;
        }

        if (channels.Count > MaxChannels)
        {
            errors.Add("channels", $"A rule names at most {MaxChannels} channels.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < channels.Count; i++)
        {
            var name = channels[i] ?? "";
            if (!seen.Add(name))
            {
                errors.Add($"channels[{i}]", $"'{name}' is listed twice.");
            }
            else if (context.IsMissing<AlertChannelSpec>(name))
            {
                errors.Add($"channels[{i}]", $"There is no alert channel named '{name}'.");
            }
        }
    }
}
