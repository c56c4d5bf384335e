using Appliance.Engine.Metrics;

namespace Appliance.Engine.Uptime;

/// <summary>The uptime history's writer at <c>/metrics</c>: what it wrote, what it dropped and why, what waits.</summary>
internal sealed class UptimeMetrics(UptimeCounters counters, UptimeRecorder recorder) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Single("appliance_uptime_transitions_written_total", "counter", "Health transitions written to the uptime history since start.", counters.Written);
        text.Family("appliance_uptime_transitions_dropped_total", "counter", "Health transitions not kept in the uptime history: the queue was full, or the database could not be written.")
            .Sample("appliance_uptime_transitions_dropped_total", PrometheusText.Label("reason", "queue-full"), counters.DroppedQueueFull)
            .Sample("appliance_uptime_transitions_dropped_total", PrometheusText.Label("reason", "database"), counters.DroppedDatabase);
        text.Single("appliance_uptime_transitions_queued", "gauge", "Health transitions waiting to be written.", recorder.Queued);
    }
}
