using Appliance.Engine.Metrics;

namespace Appliance.Engine.Maintenance;

/// <summary>Maintenance's family: the 503s it answered, per route.</summary>
internal sealed class MaintenanceMetrics(MaintenanceCounter counter) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Family("appliance_maintenance_responses_total", "counter", "Requests answered with the maintenance page (503), by route.");
        foreach (var (route, count) in counter.Counts())
        {
            text.Sample("appliance_maintenance_responses_total", PrometheusText.Label("route", route), count);
        }
    }
}
