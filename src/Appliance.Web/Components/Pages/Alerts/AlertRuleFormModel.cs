using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Alerts;

/// <summary>The rule form's editable state: the rule it was opened with (or the API's defaults), changed only in the fields shown.</summary>
public sealed class AlertRuleFormModel : FormModel<AlertRuleSpec>
{
    public AlertRuleFormModel()
    {
    }

    /// <summary>A form for <paramref name="rule"/> as stored.</summary>
    public AlertRuleFormModel(AlertRuleSpec rule)
        : base(rule)
    {
    }

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    public bool Enabled { get => Spec.Enabled; set => Spec = Spec with { Enabled = value }; }

    public int ExpiringWithinDays { get => Spec.ExpiringWithinDays; set => Spec = Spec with { ExpiringWithinDays = value }; }

    public int GroupMinutes { get => Spec.GroupMinutes; set => Spec = Spec with { GroupMinutes = value }; }

    public bool Sends(string alertEvent) => Spec.Events.Contains(alertEvent);

    /// <summary>Adds or removes an event, keeping the others in their order.</summary>
    public void SetEvent(string alertEvent, bool on) => Spec = Spec with { Events = Toggle(Spec.Events, alertEvent, on) };

    public bool SendsTo(string channel) => Spec.Channels.Contains(channel);

    public void SetChannel(string channel, bool on) => Spec = Spec with { Channels = Toggle(Spec.Channels, channel, on) };

    private static string[] Toggle(IReadOnlyList<string> items, string item, bool on) =>
        on ? (items.Contains(item) ? [.. items] : [.. items, item]) : items.Where(i => i != item).ToArray();
}
