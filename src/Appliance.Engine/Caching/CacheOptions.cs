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

    public long MaxSizeBytes => MaxSizeMB * 1024L * 1024L;
}
