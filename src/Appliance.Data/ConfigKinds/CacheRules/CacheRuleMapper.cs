using Appliance.Data.Entities;
using Appliance.Data.Model;

namespace Appliance.Data.ConfigKinds.CacheRules;

internal sealed class CacheRuleMapper : IConfigMapper<CacheRuleSpec, CacheRuleEntity>
{
    public CacheRuleSpec ToSpec(CacheRuleEntity rule) => new()
    {
        Name = rule.Name,
        Route = rule.Route,
        Match = rule.Match,
        Mode = rule.Mode,
        DefaultTtlSeconds = rule.DefaultTtlSeconds,
        MaxObjectBytes = rule.MaxObjectBytes,
        IncludeQueryString = rule.IncludeQueryString,
        HeuristicMaxSeconds = rule.HeuristicMaxSeconds,
    };

    public void Apply(CacheRuleSpec spec, CacheRuleEntity rule, ApplianceDbContext db)
    {
        rule.Name = spec.Name;
        rule.Route = spec.Route;
        rule.Match = spec.Match;
        rule.Mode = spec.Mode;
        rule.DefaultTtlSeconds = spec.DefaultTtlSeconds;
        rule.MaxObjectBytes = spec.MaxObjectBytes;
        rule.IncludeQueryString = spec.IncludeQueryString;
        rule.HeuristicMaxSeconds = spec.HeuristicMaxSeconds;
    }
}
