using Appliance.Data.Counters;

namespace Appliance.Engine.Metrics;

/// <summary>Whether the counters several nodes share (Redis) are in use; written only when Redis is configured, since a node alone has no alert to silence.</summary>
internal sealed class SharedCounterMetrics(SharedCounterStatus sharedCounters) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        if (!sharedCounters.IsConfigured)
        {
            return;
        }

        text.Single("appliance_redis_up", "gauge", "1 while Redis answers and rate limits and failure counts are shared across nodes; 0 while they are per node.", sharedCounters.IsUp ? 1 : 0);
        text.Single("appliance_redis_fallbacks_total", "counter", "Decisions taken on this node's own counts because Redis was configured but unusable.", sharedCounters.Fallbacks);
    }
}
