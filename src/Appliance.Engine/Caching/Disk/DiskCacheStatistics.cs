namespace Appliance.Engine.Caching.Disk;

/// <summary>
/// The disk tier's figures since start: what it holds (entries, bytes, its bound; 0 without a disk tier),
/// hits answered from its files, files written, evicted, and found corrupt (cut short or not matching
/// their checksum, dropped and never served).
/// </summary>
public sealed record DiskCacheStatistics(long Entries, long Bytes, long MaxBytes, long Hits, long Writes, long Evictions, long Corrupt);
