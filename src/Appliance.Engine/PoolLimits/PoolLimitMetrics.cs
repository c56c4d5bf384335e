using Appliance.Engine.Metrics;

namespace Appliance.Engine.PoolLimits;

/// <summary>The pools' overload families: requests in flight and waiting per capped pool, and the refusals by reason.</summary>
internal sealed class PoolLimitMetrics(PoolLoadReader reader, PoolGates gates) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        var loads = reader.Read();
        text.Family("appliance_pool_active_requests", "gauge", "Requests holding one of a capped pool's slots on this node.");
        foreach (var load in loads)
        {
            text.Sample("appliance_pool_active_requests", PrometheusText.Label("pool", load.Pool), load.Active);
        }

        text.Family("appliance_pool_queue_length", "gauge", "Requests waiting for a slot of a capped pool on this node.");
        foreach (var load in loads)
        {
            text.Sample("appliance_pool_queue_length", PrometheusText.Label("pool", load.Pool), load.Queued);
        }

        // Every pool that ever refused, capped now or not: a counter never goes back.
        text.Family("appliance_pool_rejected_total", "counter", "Requests a capped pool refused with 503, by reason: queue_full (at once) or queue_timeout (after waiting).");
        foreach (var pool in gates.PoolsWithRejections())
        {
            var (full, timedOut) = gates.Rejections(pool);
            var label = PrometheusText.Label("pool", pool);
            text.Sample("appliance_pool_rejected_total", PrometheusText.Join(label, PrometheusText.Label("reason", "queue_full")), full);
            text.Sample("appliance_pool_rejected_total", PrometheusText.Join(label, PrometheusText.Label("reason", "queue_timeout")), timedOut);
        }
    }
}
