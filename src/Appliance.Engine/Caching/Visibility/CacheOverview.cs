using Appliance.Engine.Caching.Disk;

namespace Appliance.Engine.Caching.Visibility;

/// <summary>What the Cache page shows beyond the headline figures: each tier, each rule's hit ratio, and the top objects.</summary>
public sealed record CacheOverview(CacheStatistics Memory, DiskCacheStatistics Disk, IReadOnlyList<CacheRuleRatio> Rules, CacheTopObjects Top)
{
    public static CacheOverview Of(ResponseCache cache) =>
        new(cache.Statistics(), cache.Disk.Statistics(), cache.Rules.Read(), CacheTopObjects.Of(cache));
}
