using Appliance.Engine.Metrics;

namespace Appliance.Engine.Configuration;

/// <summary>
/// Whether this node reaches its configuration database, as the refresher last found it: the state
/// behind the dashboard's outage alert, while the API answers 503. Written on every node, SQLite
/// included, so one alert rule fits all.
/// </summary>
internal sealed class ConfigurationSourceMetrics(ConfigurationSourceStatus status) : IMetricsSource
{
    public void Write(PrometheusText text) =>
        text.Single(
            "appliance_config_database_up",
            "gauge",
            "1 while this node reaches its configuration database; 0 while it cannot (it serves its last configuration and the API answers 503).",
            status.UnreachableSince is null ? 1 : 0);
}
