using Appliance.Data.Model;

namespace Appliance.Engine.Alerts;

/// <summary>One notification for one channel, waiting for a delivery slot.</summary>
internal sealed record AlertDeliveryJob(AlertChannelSpec Channel, AlertNotification Notification);
