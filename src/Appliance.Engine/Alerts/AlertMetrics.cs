using Appliance.Engine.Metrics;

namespace Appliance.Engine.Alerts;

/// <summary>Alerting at <c>/metrics</c>: events raised, dropped and grouped, and each channel's deliveries.</summary>
internal sealed class AlertMetrics(AlertQueue queue, AlertGrouper grouper, AlertChannelStatusBoard channels, AlertWorkerCounters worker) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Family("appliance_alert_events_total", "counter", "Alert events raised on this node, by event.");
        foreach (var (kind, count) in queue.Raised.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Sample("appliance_alert_events_total", PrometheusText.Label("event", kind), count);
        }

        text.Single("appliance_alert_events_dropped_total", "counter", "Alert events dropped because the queue was full.", queue.Dropped);
        text.Single("appliance_alert_events_grouped_total", "counter", "Alert events held into a grouped summary instead of sent on their own.", grouper.HeldTotal);
        text.Single("appliance_alert_deliveries_dropped_total", "counter", "Notifications dropped because the delivery queue was full.", worker.DeliveriesDropped);
        var all = channels.All;
        text.Family("appliance_alert_notifications_total", "counter", "Notifications per channel: sent, or failed after every attempt.");
        foreach (var channel in all)
        {
            var label = PrometheusText.Label("channel", channel.Channel);
            text.Sample("appliance_alert_notifications_total", PrometheusText.Join(label, PrometheusText.Label("outcome", "sent")), channel.Sent)
                .Sample("appliance_alert_notifications_total", PrometheusText.Join(label, PrometheusText.Label("outcome", "failed")), channel.Failed);
        }

        text.Family("appliance_alert_delivery_failures_total", "counter", "Failed delivery attempts per channel, retries included.");
        foreach (var channel in all)
        {
            text.Sample("appliance_alert_delivery_failures_total", PrometheusText.Label("channel", channel.Channel), channel.FailedAttempts);
        }
    }
}
