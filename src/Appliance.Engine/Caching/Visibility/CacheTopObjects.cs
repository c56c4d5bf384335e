using Appliance.Engine.Caching.Disk;

namespace Appliance.Engine.Caching.Visibility;

/// <summary>The objects that answer most and weigh most, over both tiers, a bounded list each.</summary>
public sealed record CacheTopObjects(IReadOnlyList<CacheObjectSummary> ByHits, IReadOnlyList<CacheObjectSummary> BySize)
{
    /// <summary>How many objects each list holds at most.</summary>
    public const int Count = 10;

    /// <summary>
    /// The top objects of <paramref name="cache"/>. A variant in both tiers (read back from disk into memory) is
    /// one object: in memory, with the hits of both copies.
    /// </summary>
    public static CacheTopObjects Of(ResponseCache cache)
    {
        var objects = new Dictionary<(string, string), CacheObjectSummary>();
        foreach (var entry in cache.Disk.Snapshot())
        {
            objects[(entry.Key, entry.VaryKey)] = new CacheObjectSummary(entry.Key, CacheTier.Disk, entry.Size, Interlocked.Read(ref entry.Hits));
        }

        foreach (var entry in cache.Snapshot())
        {
            var diskHits = objects.TryGetValue((entry.Key, entry.VaryKey), out var onDisk) ? onDisk.Hits : 0;
            objects[(entry.Key, entry.VaryKey)] = new CacheObjectSummary(entry.Key, CacheTier.Memory, entry.AccountedSize, Interlocked.Read(ref entry.Hits) + diskHits);
        }

        return new CacheTopObjects(
            [.. objects.Values.Where(o => o.Hits > 0).OrderByDescending(o => o.Hits).ThenBy(o => o.Key, StringComparer.Ordinal).Take(Count)],
            [.. objects.Values.OrderByDescending(o => o.Bytes).ThenBy(o => o.Key, StringComparer.Ordinal).Take(Count)]);
    }
}
