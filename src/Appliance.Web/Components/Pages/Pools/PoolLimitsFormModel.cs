using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>
/// Editable overload protection of a pool: the cap and the queue behind it. Switching either off
/// and on again before saving brings back what was stored (or the defaults), not empty fields.
/// </summary>
public sealed class PoolLimitsFormModel(PoolSpec pool)
{
    /// <summary>The cap offered when a pool without one gets one.</summary>
    public const int DefaultCap = 100;

    public bool Capped { get; set; } = pool.MaxConcurrentRequests is not null;

    public int MaxConcurrentRequests { get; set; } = pool.MaxConcurrentRequests ?? DefaultCap;

    public bool Queued { get; set; } = pool.Queue is not null;

    public int QueueLength { get; set; } = (pool.Queue ?? new PoolQueueSpec()).Length;

    public int QueueTimeoutSeconds { get; set; } = (pool.Queue ?? new PoolQueueSpec()).TimeoutSeconds;

    /// <summary><paramref name="spec"/> with the limits as the form shows them: no cap means no queue either.</summary>
    public PoolSpec ApplyTo(PoolSpec spec) => spec with
    {
        MaxConcurrentRequests = Capped ? MaxConcurrentRequests : null,
        Queue = Capped && Queued ? new PoolQueueSpec { Length = QueueLength, TimeoutSeconds = QueueTimeoutSeconds } : null,
    };
}
