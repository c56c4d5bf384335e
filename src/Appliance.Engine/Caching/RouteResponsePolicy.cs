namespace Appliance.Engine.Caching;

/// <summary>What happens to a route's responses on the way back: which cache rules apply (route's own first) and whether text is compressed.</summary>
internal sealed class RouteResponsePolicy(IReadOnlyList<CacheRulePlan> cacheRules, bool compression)
{
    public static RouteResponsePolicy Default { get; } = new([], compression: true);

    public IReadOnlyList<CacheRulePlan> CacheRules { get; } = cacheRules;

    public bool Compression { get; } = compression;

    public CacheRulePlan? RuleFor(string path)
    {
        foreach (var rule in CacheRules)
        {
            if (rule.Matches(path))
            {
                return rule;
            }
        }

        return null;
    }
}
