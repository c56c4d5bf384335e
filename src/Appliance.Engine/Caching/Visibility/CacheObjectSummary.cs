using Appliance.Engine.Caching.Disk;

namespace Appliance.Engine.Caching.Visibility;

/// <summary>One stored object as the Cache page lists it: its URL key, where it lives, its size and its hits.</summary>
public sealed record CacheObjectSummary(string Key, CacheTier Tier, long Bytes, long Hits);
