namespace Appliance.Engine.Caching.Visibility;

/// <summary>One cache rule's lookups since start.</summary>
public sealed record CacheRuleRatio(string Rule, long Hits, long Misses)
{
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
