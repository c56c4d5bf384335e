using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// Compiles the enabled ban rules once per snapshot and gives every route's plan and the unmatched
/// plan the same rules: bans count per client address across routes, and scanners mostly ask for
/// what no route serves.
/// </summary>
internal sealed class BanRulesCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        var rules = (document.BanRules ?? []).Where(r => r is { Enabled: true }).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new CompiledBanRule(r)).ToArray();
        var plan = rules.Length == 0 ? BanRulesPlan.None : new BanRulesPlan(rules);
        foreach (var route in document.Routes)
        {
            plans.Set(route, plan);
        }

        plans.SetUnmatched(plan);
    }
}
