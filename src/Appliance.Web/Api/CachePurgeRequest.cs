namespace Appliance.Web.Api;

/// <summary>What to purge: one URL (every variant, with or without its query), every URL under a prefix, or everything.</summary>
internal sealed record CachePurgeRequest
{
    public string? Url { get; init; }
    public string? Prefix { get; init; }
    public bool All { get; init; }
}
