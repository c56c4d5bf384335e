namespace Appliance.Data.Model;

/// <summary>The whole configuration as one document, for export and atomic import.</summary>
public sealed record ConfigDocument
{
    /// <summary>Every pool. Required: an import without it would otherwise mean "delete every pool".</summary>
    public required IReadOnlyList<PoolSpec> Pools { get; init; }

    /// <summary>Every route. Required, for the same reason.</summary>
    public required IReadOnlyList<RouteSpec> Routes { get; init; }

    /// <summary>Every cache rule; a document without the member imports none.</summary>
    public IReadOnlyList<CacheRuleSpec> CacheRules { get; init; } = [];

    /// <summary>Every access list; a document without the member imports none.</summary>
    public IReadOnlyList<AccessListSpec> AccessLists { get; init; } = [];

    /// <summary>Every rate limit; a document without the member imports none.</summary>
    public IReadOnlyList<RateLimitSpec> RateLimits { get; init; } = [];

    /// <summary>Every custom error page; a document without the member imports none.</summary>
    public IReadOnlyList<ErrorPageSpec> ErrorPages { get; init; } = [];

    /// <summary>Every TCP stream; a document without the member imports none.</summary>
    public IReadOnlyList<StreamSpec> Streams { get; init; } = [];

    /// <summary>Every alert channel (secrets left out); a document without the member imports none.</summary>
    public IReadOnlyList<AlertChannelSpec> AlertChannels { get; init; } = [];

    /// <summary>Every alert rule; a document without the member imports none.</summary>
    public IReadOnlyList<AlertRuleSpec> AlertRules { get; init; } = [];

    /// <summary>Every automatic ban rule; a document without the member imports none.</summary>
    public IReadOnlyList<BanRuleSpec> BanRules { get; init; } = [];

    /// <summary>The installation-wide challenge settings; a document without the member has the under-attack switch off and the well-known crawlers.</summary>
    public ChallengeSettingsSpec Challenge { get; init; } = new();
}
