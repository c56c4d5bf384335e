using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>
/// Editable overload protection of a pool: the cap and the queue behind it. The queue's fields read
/// and write the stored queue record in place (as <see cref="Shared.FormModel{TSpec}"/> does), so a
/// member of <see cref="PoolQueueSpec"/> the form does not show is saved as it was stored. Switching
/// either off and on again before saving brings back what was stored (or the defaults), not empty
/// fields.
/// </summary>
public sealed class PoolLimitsFormModel(PoolSpec pool)
{
    /// <summary>The cap offered when a pool without one gets one.</summary>
    public const int DefaultCap = 100;

    // The stored queue, or the API's defaults for a pool without one; kept while the queue is
    // switched off so that switching it on again brings it back.
    private PoolQueueSpec _queue = pool.Queue ?? new PoolQueueSpec();

    public bool Capped { get; set; } = pool.MaxConcurrentRequests is not null;

    public int MaxConcurrentRequests { get; set; } = pool.MaxConcurrentRequests ?? DefaultCap;

    public bool Queued { get; set; } = pool.Queue is not null;

    public int QueueLength { get => _queue.Length; set => _queue = _queue with { Length = value }; }

    public int QueueTimeoutSeconds { get => _queue.TimeoutSeconds; set => _queue = _queue with { TimeoutSeconds = value }; }

    /// <summary><paramref name="spec"/> with the limits as the form shows them: no cap means no queue either.</summary>
    public PoolSpec ApplyTo(PoolSpec spec) => spec with
    {
        MaxConcurrentRequests = Capped ? MaxConcurrentRequests : null,
        Queue = Capped && Queued ? _queue : null,
    };
}
