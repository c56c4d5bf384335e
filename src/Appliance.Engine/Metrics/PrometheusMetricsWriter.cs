using System.Globalization;
using Appliance.Engine.Health;

namespace Appliance.Engine.Metrics;

/// <summary>
/// Renders the appliance's counters in the Prometheus text format (0.0.4): the data plane's own
/// (requests by status class for the data plane and per route, pool and backend, request duration
/// histograms per route, each backend's health, rotation and requests in flight, connections),
/// then every feature's <see cref="IMetricsSource"/>.
/// </summary>
public sealed class PrometheusMetricsWriter(TrafficMetrics metrics, HealthReader health, ConnectionCounter connections, IEnumerable<IMetricsSource> sources)
{
    /// <summary>The content type Prometheus expects for this format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    // Prometheus' usual latency boundaries, in seconds; our finer buckets are summed into them.
    private static readonly double[] DurationBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    /// <summary>The exposition as of now.</summary>
    public string Write()
    {
        var text = new PrometheusText();
        var report = health.Read();

        text.Single("appliance_config_revision", "gauge", "Configuration revision the data plane serves.", report.Revision);

        text.Family("appliance_requests_total", "counter", "Requests the data plane finished, by status class.");
        Requests(text, "appliance_requests_total", "", metrics.TotalSinceStart());

        text.Family("appliance_route_requests_total", "counter", "Requests per route, by status class.");
        foreach (var (route, stats) in metrics.RoutesSinceStart())
        {
            Requests(text, "appliance_route_requests_total", PrometheusText.Label("route", route), stats);
        }

        text.Family("appliance_pool_requests_total", "counter", "Requests per pool, by status class.");
        foreach (var (pool, stats) in metrics.PoolsSinceStart())
        {
            Requests(text, "appliance_pool_requests_total", PrometheusText.Label("pool", pool), stats);
        }

        text.Family("appliance_backend_requests_total", "counter", "Requests per backend, by status class.");
        foreach (var (pool, backend, stats) in metrics.BackendsSinceStart())
        {
            Requests(text, "appliance_backend_requests_total", PrometheusText.Label("pool", pool) + "," + PrometheusText.Label("backend", backend), stats);
        }

        text.Family("appliance_route_request_duration_seconds", "histogram", "Time from request start to response end, per route.");
        foreach (var (route, stats) in metrics.RoutesSinceStart())
        {
            Histogram(text, "appliance_route_request_duration_seconds", PrometheusText.Label("route", route), stats);
        }

        BackendGauge(text, report, "appliance_backend_healthy", "1 when the backend's health is Healthy, else 0.", b => b.Health == "Healthy" ? 1 : 0);
        BackendGauge(text, report, "appliance_backend_in_rotation", "1 when the backend receives new requests, else 0.", b => b.InRotation ? 1 : 0);
        BackendGauge(text, report, "appliance_backend_in_flight", "Requests the backend is serving now.", b => b.InFlight);

        text.Single("appliance_open_connections", "gauge", "Client connections to the data plane open now.", report.OpenConnections);
        text.Single("appliance_connections_total", "counter", "Client connections the data plane accepted since start.", connections.Accepted);

        foreach (var source in sources)
        {
            source.Write(text);
        }

        return text.ToString();
    }

    private static void BackendGauge(PrometheusText text, HealthReport report, string name, string help, Func<BackendHealth, long> value)
    {
        text.Family(name, "gauge", help);
        foreach (var pool in report.Pools)
        {
            foreach (var backend in pool.Backends)
            {
                text.Sample(name, PrometheusText.Label("pool", pool.Name) + "," + PrometheusText.Label("backend", backend.Address), value(backend));
            }
        }
    }

    /// <summary>One sample per status class; feature sources use it too, so their families read like the route's.</summary>
    internal static void Requests(PrometheusText text, string name, string labels, CumulativeStats stats)
    {
        for (var i = 0; i < StatusClasses.Length; i++)
        {
            text.Sample(name, PrometheusText.Join(labels, PrometheusText.Label("code", StatusClasses[i])), stats.StatusClasses[i]);
        }
    }

    /// <summary>A latency histogram on Prometheus' usual boundaries; feature sources use it too.</summary>
    internal static void Histogram(PrometheusText text, string name, string labels, CumulativeStats stats)
    {
        foreach (var boundary in DurationBoundaries)
        {
            long count = 0;
            for (var i = 0; i < stats.Latencies.Length && LatencyBuckets.UpperBounds[i] <= boundary * 1000; i++)
            {
                count += stats.Latencies[i];
            }

            text.Sample(name + "_bucket", PrometheusText.Join(labels, PrometheusText.Label("le", boundary.ToString(CultureInfo.InvariantCulture))), count);
        }

        text.Sample(name + "_bucket", PrometheusText.Join(labels, PrometheusText.Label("le", "+Inf")), stats.Requests);
        text.Sample(name + "_sum", labels, stats.SumMilliseconds / 1000);
        text.Sample(name + "_count", labels, stats.Requests);
    }
}
