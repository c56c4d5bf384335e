namespace Appliance.Engine.Caching;

/// <summary>Settings of the response cache, bound from <c>Appliance:Cache</c>.</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Appliance:Cache";

    /// <summary>The store's bound in MiB: least recently used entries go first when it is reached.</summary>
    public int MaxSizeMB { get; set; } = 256;

    /// <summary>How long requests for an object being fetched wait for that fetch before going to the origin themselves.</summary>
    public int CoalescingTimeoutSeconds { get; set; } = 10;

    public long MaxSizeBytes => MaxSizeMB * 1024L * 1024L;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxSizeMB is < 1 or > 65536)
        {
            problems.Add($"{SectionName}:MaxSizeMB must be between 1 and 65536.");
        }

        if (CoalescingTimeoutSeconds is < 1 or > 300)
        {
            problems.Add($"{SectionName}:CoalescingTimeoutSeconds must be between 1 and 300.");
        }

        return problems;
    }
}
