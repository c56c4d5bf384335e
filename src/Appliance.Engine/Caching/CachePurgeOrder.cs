namespace Appliance.Engine.Caching;

/// <summary>One purge, as an operator asked it and as it travels to the other nodes.</summary>
/// <param name="Scope">What to remove.</param>
/// <param name="Key">The URL key (<see cref="CacheKeys.ForUrl"/>) for <see cref="CachePurgeScope.Url"/> and <see cref="CachePurgeScope.Prefix"/>.</param>
public sealed record CachePurgeOrder(CachePurgeScope Scope, string? Key)
{
    public static CachePurgeOrder Everything { get; } = new(CachePurgeScope.All, null);

    /// <summary>Removes what this order names from <paramref name="cache"/>; returns how many entries went.</summary>
    public int ApplyTo(ResponseCache cache) => Scope switch
    {
        CachePurgeScope.All => cache.PurgeAll(),
        CachePurgeScope.Prefix => cache.PurgePrefix(Key!),

        // A URL purges it with and without its query; a prefix is taken as written.
        _ => cache.PurgeUrl(Key!) + (Key!.Contains('?', StringComparison.Ordinal) ? 0 : cache.PurgePrefix(Key + "?")),
    };
}
