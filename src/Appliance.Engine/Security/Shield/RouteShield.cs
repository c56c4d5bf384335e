namespace Appliance.Engine.Security.Shield;

/// <summary>What stands before a route: access lists (global ones first) and rate limits (global ones first).</summary>
internal sealed class RouteShield(IReadOnlyList<CompiledAccessList> accessLists, IReadOnlyList<RateLimitPlan> rateLimits, long? maxRequestBodyBytes = null)
{
    /// <summary>The route's own request body limit, when it has one.</summary>
    public long? MaxRequestBodyBytes { get; } = maxRequestBodyBytes;

    public IReadOnlyList<CompiledAccessList> AccessLists { get; } = accessLists;

    public IReadOnlyList<RateLimitPlan> RateLimits { get; } = rateLimits;

    /// <summary>Nothing stands before the route: most routes, passed on at no cost.</summary>
    public bool IsEmpty { get; } = accessLists.Count == 0 && rateLimits.Count == 0 && maxRequestBodyBytes is null;
}
