namespace Appliance.Data.Model;

/// <summary>A per-client-address limit: a token bucket (permits per period, up to a burst) and a cap on concurrent requests.</summary>
public sealed record RateLimitSpec
{
    public string Name { get; init; } = "";

    /// <summary>Applies to every route, in addition to the route's own.</summary>
    public bool Global { get; init; }

    /// <summary>Requests allowed per period, refilled evenly.</summary>
    public int Permits { get; init; } = 10;

    public int PeriodSeconds { get; init; } = 1;

    /// <summary>How many requests may come at once after a quiet spell; at least 1.</summary>
    public int Burst { get; init; } = 20;

    /// <summary>Requests one address may have in flight; 0 for no cap.</summary>
    public int MaxConcurrent { get; init; }
}
