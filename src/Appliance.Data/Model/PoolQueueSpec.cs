namespace Appliance.Data.Model;

/// <summary>
/// Where a pool's requests wait when <see cref="PoolSpec.MaxConcurrentRequests"/> are already being
/// served (HAProxy's queue and <c>timeout queue</c>): first in, first out, bounded in length and in
/// time. A request beyond the length, or still waiting after the timeout, gets the 503 page.
/// </summary>
public sealed record PoolQueueSpec
{
    /// <summary>Requests that may wait at once; 0 means none wait (beyond the cap is a 503 at once).</summary>
    public int Length { get; init; } = 100;

    /// <summary>Seconds a request may wait for a slot before it gets the 503 page.</summary>
    public int TimeoutSeconds { get; init; } = 5;
}
