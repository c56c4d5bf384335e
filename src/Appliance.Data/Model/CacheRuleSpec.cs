namespace Appliance.Data.Model;

/// <summary>Which responses the shared cache may keep, and how long when the origin does not say.</summary>
public sealed record CacheRuleSpec
{
    /// <summary>Slug that names the rule.</summary>
    public string Name { get; init; } = "";

    /// <summary>The route the rule applies to; null applies it to every route.</summary>
    public string? Route { get; init; }

    /// <summary>
    /// A path prefix (<c>/static</c>, matched on whole segments) or a glob: <c>*</c> within a segment,
    /// <c>**</c> across segments (<c>/static/**</c>); a glob without a leading slash matches the last
    /// segment anywhere (<c>*.css</c>). At most 256 characters and 8 wildcards. A match that names a
    /// known static extension (<c>*.jpg</c>) stores only answers whose Content-Type fits it.
    /// </summary>
    public string Match { get; init; } = "/";

    /// <summary><see cref="CacheModes.FollowOrigin"/> or <see cref="CacheModes.DefaultTtl"/>.</summary>
    public string Mode { get; init; } = CacheModes.FollowOrigin;

    /// <summary>With <see cref="CacheModes.DefaultTtl"/>: seconds a response without freshness information stays fresh.</summary>
    public int DefaultTtlSeconds { get; init; } = 300;

    /// <summary>Larger responses are passed through, never stored.</summary>
    public long MaxObjectBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Heuristic freshness (RFC 9111 §4.2.2) for a response with Last-Modified and no explicit freshness: 10 % of
    /// the time since it was modified, at most this many seconds. 0 (the default) turns it off, so a rule that
    /// follows the origin stores only what the origin gave a lifetime unless it allows this.
    /// </summary>
    public int HeuristicMaxSeconds { get; init; }

    /// <summary>Whether the query string is part of the cache key (<c>/app.js?v=2</c> apart from <c>/app.js</c>).</summary>
    public bool IncludeQueryString { get; init; } = true;
}
