using Appliance.Engine.Metrics;

namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>The viewer's families: how full its ring is.</summary>
internal sealed class AccessLogViewerMetrics(RecentRequests recent) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Single("appliance_access_log_viewer_entries", "gauge", "Requests the access log viewer holds on this node.", recent.Count);
        text.Single("appliance_access_log_viewer_capacity", "gauge", "Requests the access log viewer holds at most on this node (0: off).", recent.Capacity);
    }
}
