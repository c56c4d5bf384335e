namespace Appliance.Engine.Alerts;

/// <summary>Notifications the worker could not queue for delivery, for <c>/metrics</c>.</summary>
internal sealed class AlertWorkerCounters
{
    private long _deliveriesDropped;

    public long DeliveriesDropped => Interlocked.Read(ref _deliveriesDropped);

    public void AddDeliveryDropped() => Interlocked.Increment(ref _deliveriesDropped);
}
