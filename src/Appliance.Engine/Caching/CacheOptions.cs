using System.ComponentModel.DataAnnotations;

namespace Appliance.Engine.Caching;

/// <summary>Settings of the response cache, bound from <c>Appliance:Cache</c> and checked at start.</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Appliance:Cache";

    /// <summary>The store's bound in MiB: least recently used entries go first when it is reached.</summary>
    [Range(1, 65536)]
    public int MaxSizeMB { get; set; } = 256;

    /// <summary>How long requests for an object being fetched wait for that fetch before going to the origin themselves.</summary>
    [Range(1, 300)]
    public int CoalescingTimeoutSeconds { get; set; } = 10;

    /// <summary>The response field that targets this cache alone (RFC 9213 §2.1): obeyed over CDN-Cache-Control and Cache-Control, never forwarded.</summary>
    [RegularExpression("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$")]
    public string TargetedFieldName { get; set; } = CacheTargets.DefaultOwnField;

    /// <summary>Whether CDN-Cache-Control (RFC 9213) governs this cache over Cache-Control.</summary>
    public bool HonorCdnCacheControl { get; set; } = true;

    /// <summary>
    /// Whether an obeyed CDN-Cache-Control still goes downstream. It targets every CDN, a CDN in front of the
    /// appliance included, so by default it goes on; false consumes it here like the appliance's own field.
    /// </summary>
    public bool ForwardCdnCacheControl { get; set; } = true;

    /// <summary>The disk tier's folder (e.g. <c>./data/cache</c>); empty keeps the cache in memory only.</summary>
    public string? DiskPath { get; set; }

    /// <summary>The disk tier's bound in MiB: least recently used files go first when it is reached.</summary>
    [Range(1, 16777216)]
    public int DiskMaxSizeMB { get; set; } = 10240;

    /// <summary>With a disk tier, objects above this size in KiB go straight to disk and are streamed from there; smaller ones live in memory, go to disk when evicted and come back on a hit.</summary>
    [Range(1, 1048576)]
    public int DiskThresholdKB { get; set; } = 1024;

    public long MaxSizeBytes => MaxSizeMB * 1024L * 1024L;

    public long DiskMaxSizeBytes => DiskMaxSizeMB * 1024L * 1024L;

    public long DiskThresholdBytes => DiskThresholdKB * 1024L;
}
