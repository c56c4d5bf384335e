namespace Appliance.Engine.PoolLimits;

/// <summary>One pool's overload protection as the engine runs it: the cap, and the queue behind it (length 0: none).</summary>
internal sealed record PoolLimit(int MaxConcurrentRequests, int QueueLength, TimeSpan QueueTimeout)
{
    /// <summary>The <c>Retry-After</c> a refused request is told: the queue's timeout, the time a slot is awaited anyway.</summary>
    public string RetryAfter { get; } = ((int)Math.Max(1, QueueTimeout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
