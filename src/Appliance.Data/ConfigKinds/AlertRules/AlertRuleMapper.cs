using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Data.ConfigKinds.AlertRules;

internal sealed class AlertRuleMapper : IConfigMapper<AlertRuleSpec, AlertRuleEntity>
{
    public AlertRuleSpec ToSpec(AlertRuleEntity rule) => new()
    {
        Name = rule.Name,
        Enabled = rule.Enabled,
        Events = ConfigJson.Deserialize<string[]>(rule.EventsJson) ?? [],
        Channels = ConfigJson.Deserialize<string[]>(rule.ChannelsJson) ?? [],
        ExpiringWithinDays = rule.ExpiringWithinDays,
        GroupMinutes = rule.GroupMinutes,
    };

    public void Apply(AlertRuleSpec spec, AlertRuleEntity rule, ApplianceDbContext db)
    {
        rule.Name = spec.Name;
        rule.Enabled = spec.Enabled;
        rule.EventsJson = ConfigJson.Serialize(spec.Events);
        rule.ChannelsJson = ConfigJson.Serialize(spec.Channels);
        rule.ExpiringWithinDays = spec.ExpiringWithinDays;
        rule.GroupMinutes = spec.GroupMinutes;
    }
}
