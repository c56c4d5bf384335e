namespace Appliance.Engine.Security.Shield;

/// <summary>What stands before a route: access lists (global ones first) and rate limits (global ones first).</summary>
internal sealed class RouteShield(IReadOnlyList<CompiledAccessList> accessLists, IReadOnlyList<RateLimitPlan> rateLimits)
{
    public static RouteShield None { get; } = new([], []);

    public IReadOnlyList<CompiledAccessList> AccessLists { get; } = accessLists;

    public IReadOnlyList<RateLimitPlan> RateLimits { get; } = rateLimits;
}
