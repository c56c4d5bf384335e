namespace Appliance.Engine.Caching.Disk;

/// <summary>One cache file in the disk tier's index: what it answers, what it costs, and how often it did.</summary>
internal sealed class DiskCacheEntry(string key, string varyKey, string path, long size)
{
    public string Key { get; } = key;

    public string VaryKey { get; } = varyKey;

    public string Path { get; } = path;

    /// <summary>The file's length, counted against <see cref="CacheOptions.DiskMaxSizeMB"/>.</summary>
    public long Size { get; } = size;

    /// <summary>
    /// Set once the whole body streamed from this file matched its checksum: later hits check its length
    /// only, as hashing every hit of a large object would cost more than reading it.
    /// </summary>
    public volatile bool Verified;

    /// <summary>Hits answered from this file (or from memory after it was promoted) since start.</summary>
    public long Hits;
}
