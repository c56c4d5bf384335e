using Appliance.Engine.Caching;

namespace Appliance.Web.Api;

/// <summary>What to purge: one URL (every variant, with or without its query), every URL under a prefix, or everything.</summary>
internal sealed record CachePurgeRequest
{
    public string? Url { get; init; }
    public string? Prefix { get; init; }
    public bool All { get; init; }

    /// <summary>The order this request asks for (given exactly one of the three), or null when its URL is not absolute http(s).</summary>
    public CachePurgeOrder? ToOrder()
    {
        if (All)
        {
            return CachePurgeOrder.Everything;
        }

        return CacheKeys.ForUrl(Url ?? Prefix!) is { } key
            ? new CachePurgeOrder(Url is not null ? CachePurgeScope.Url : CachePurgeScope.Prefix, key)
            : null;
    }
}
