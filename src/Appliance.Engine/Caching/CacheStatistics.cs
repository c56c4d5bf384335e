namespace Appliance.Engine.Caching;

/// <summary>The cache's figures since start: what it holds, how often it answered, and what it let go.</summary>
public sealed record CacheStatistics(long Entries, long Bytes, long MaxBytes, long Hits, long Misses, long Evictions, long Stores)
{
    /// <summary>Hits over hits and misses; 0 before any lookup.</summary>
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
