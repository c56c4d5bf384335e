using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Data.ConfigKinds.BanRules;

internal sealed class BanRuleMapper : IConfigMapper<BanRuleSpec, BanRuleEntity>
{
    public BanRuleSpec ToSpec(BanRuleEntity rule) => new()
    {
        Name = rule.Name,
        Enabled = rule.Enabled,
        Statuses = ConfigJson.Deserialize<int[]>(rule.StatusesJson) ?? [],
        Paths = ConfigJson.Deserialize<string[]>(rule.PathsJson) ?? [],
        Threshold = rule.Threshold,
        WindowSeconds = rule.WindowSeconds,
        BanSeconds = rule.BanSeconds,
    };

    public void Apply(BanRuleSpec spec, BanRuleEntity rule, ApplianceDbContext db)
    {
        rule.Name = spec.Name;
        rule.Enabled = spec.Enabled;
        rule.StatusesJson = ConfigJson.Serialize(spec.Statuses);
        rule.PathsJson = ConfigJson.Serialize(spec.Paths);
        rule.Threshold = spec.Threshold;
        rule.WindowSeconds = spec.WindowSeconds;
        rule.BanSeconds = spec.BanSeconds;
    }
}
