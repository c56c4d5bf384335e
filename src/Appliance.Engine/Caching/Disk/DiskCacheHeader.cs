namespace Appliance.Engine.Caching.Disk;

/// <summary>
/// What a cache file says about the response it holds, as JSON ahead of the body: the key and variant
/// it answers, what RFC 9111 needs to age it, and the body's length and SHA-256, which every read checks.
/// </summary>
internal sealed record DiskCacheHeader
{
    public required string Key { get; init; }
    public required string VaryKey { get; init; }
    public required string[] VaryHeaders { get; init; }
    public required int StatusCode { get; init; }

    /// <summary>Each stored field as its name followed by its values.</summary>
    public required string[][] Headers { get; init; }
    public required DateTimeOffset RequestTime { get; init; }
    public required DateTimeOffset ResponseTime { get; init; }
    public DateTimeOffset? Date { get; init; }
    public TimeSpan AgeValue { get; init; }
    public required TimeSpan FreshnessLifetime { get; init; }
    public string? ETag { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public bool NoCache { get; init; }
    public bool MustRevalidate { get; init; }
    public TimeSpan StaleWhileRevalidate { get; init; }
    public TimeSpan? StaleIfError { get; init; }
    public bool SharedWithAuthorization { get; init; }
    public required long BodyLength { get; init; }
    public required byte[] BodySha256 { get; init; }
}
