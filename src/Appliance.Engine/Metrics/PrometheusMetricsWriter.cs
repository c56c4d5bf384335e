using System.Globalization;
using System.Text;
using Appliance.Engine.Health;

namespace Appliance.Engine.Metrics;

/// <summary>
/// Renders the appliance's counters in the Prometheus text format (0.0.4): requests by status
/// class for the data plane and per route, pool and backend, request duration histograms per
/// route, each backend's health, rotation and requests in flight, and whether the counters several
/// nodes share (Redis) are in use.
/// </summary>
public sealed class PrometheusMetricsWriter(TrafficMetrics metrics, HealthReader health, ConnectionCounter connections, Security.Shield.ShieldLog shield, Security.Shield.BasicAuthVerifier basicAuth, Appliance.Data.Counters.SharedCounterStatus sharedCounters, Cluster.NodeDirectory nodes, Cluster.HeartbeatCounter heartbeats)
{
    /// <summary>The content type Prometheus expects for this format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    // Prometheus' usual latency boundaries, in seconds; our finer buckets are summed into them.
    private static readonly double[] DurationBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    /// <summary>The exposition as of now.</summary>
    public string Write()
    {
        var text = new StringBuilder(4096);
        var report = health.Read();

        Header(text, "appliance_config_revision", "gauge", "Configuration revision the data plane serves.");
        Sample(text, "appliance_config_revision", "", report.Revision);

        Header(text, "appliance_requests_total", "counter", "Requests the data plane finished, by status class.");
        Requests(text, "appliance_requests_total", "", metrics.TotalSinceStart());

        Header(text, "appliance_route_requests_total", "counter", "Requests per route, by status class.");
        foreach (var (route, stats) in metrics.RoutesSinceStart())
        {
            Requests(text, "appliance_route_requests_total", Label("route", route), stats);
        }

        Header(text, "appliance_pool_requests_total", "counter", "Requests per pool, by status class.");
        foreach (var (pool, stats) in metrics.PoolsSinceStart())
        {
            Requests(text, "appliance_pool_requests_total", Label("pool", pool), stats);
        }

        Header(text, "appliance_backend_requests_total", "counter", "Requests per backend, by status class.");
        foreach (var (pool, backend, stats) in metrics.BackendsSinceStart())
        {
            Requests(text, "appliance_backend_requests_total", Label("pool", pool) + "," + Label("backend", backend), stats);
        }

        Header(text, "appliance_route_request_duration_seconds", "histogram", "Time from request start to response end, per route.");
        foreach (var (route, stats) in metrics.RoutesSinceStart())
        {
            Histogram(text, "appliance_route_request_duration_seconds", Label("route", route), stats);
        }

        // Each family's samples stay together under its header, as the text format requires.
        BackendGauge(text, report, "appliance_backend_healthy", "1 when the backend's health is Healthy, else 0.", b => b.Health == "Healthy" ? 1 : 0);
        BackendGauge(text, report, "appliance_backend_in_rotation", "1 when the backend receives new requests, else 0.", b => b.InRotation ? 1 : 0);
        BackendGauge(text, report, "appliance_backend_in_flight", "Requests the backend is serving now.", b => b.InFlight);

        Header(text, "appliance_blocked_requests_total", "counter", "Requests the shield turned away, by reason (access-list, basic-auth, basic-auth-throttled, basic-auth-busy, rate-limit, concurrency, body-size) and route.");
        foreach (var (reason, route, count) in shield.Counts())
        {
            Sample(text, "appliance_blocked_requests_total", Label("reason", reason) + "," + Label("route", route), count);
        }

        Header(text, "appliance_basic_auth_verifications_running", "gauge", "Basic-auth password hashes being verified now (bounded by Appliance:Proxy:BasicAuth:MaxConcurrentVerifications).");
        Sample(text, "appliance_basic_auth_verifications_running", "", basicAuth.RunningVerifications);
        Header(text, "appliance_basic_auth_tracked_addresses", "gauge", "Client addresses whose wrong basic-auth guesses are being counted.");
        Sample(text, "appliance_basic_auth_tracked_addresses", "", basicAuth.TrackedAddresses);

        // Only with Redis configured: a node alone has nothing to report, and no alert to silence.
        if (sharedCounters.IsConfigured)
        {
            Header(text, "appliance_redis_up", "gauge", "1 while Redis answers and rate limits and failure counts are shared across nodes; 0 while they are per node.");
            Sample(text, "appliance_redis_up", "", sharedCounters.IsUp ? 1 : 0);
            Header(text, "appliance_redis_fallbacks_total", "counter", "Decisions taken on this node's own counts because Redis was configured but unusable.");
            Sample(text, "appliance_redis_fallbacks_total", "", sharedCounters.Fallbacks);
        }

        Header(text, "appliance_open_connections", "gauge", "Client connections to the data plane open now.");
        Sample(text, "appliance_open_connections", "", report.OpenConnections);
        Header(text, "appliance_connections_total", "counter", "Client connections the data plane accepted since start.");
        Sample(text, "appliance_connections_total", "", connections.Accepted);

        Nodes(text, nodes.Latest);
        Header(text, "appliance_node_heartbeat_failures_total", "counter", "Heartbeats this node could not write to the database since start.");
        Sample(text, "appliance_node_heartbeat_failures_total", "", heartbeats.Failed);
        return text.ToString();
    }

    // As of this node's last heartbeat: a scrape never waits on the database.
    private static void Nodes(StringBuilder text, Cluster.ClusterView view)
    {
        Header(text, "appliance_cluster_nodes", "gauge", "Registered nodes by status (up: a heartbeat within three intervals).");
        var up = view.Up.Count();
        Sample(text, "appliance_cluster_nodes", Label("status", "up"), up);
        Sample(text, "appliance_cluster_nodes", Label("status", "down"), view.Nodes.Count - up);
        Header(text, "appliance_node_behind", "gauge", "1 when the node serves an older configuration revision than the database holds, past a short grace, else 0.");
        foreach (var node in view.Nodes)
        {
            Sample(text, "appliance_node_behind", Label("node", node.Name), node.Behind ? 1 : 0);
        }
    }

    private static void BackendGauge(StringBuilder text, HealthReport report, string name, string help, Func<BackendHealth, long> value)
    {
        Header(text, name, "gauge", help);
        foreach (var pool in report.Pools)
        {
            foreach (var backend in pool.Backends)
            {
                Sample(text, name, Label("pool", pool.Name) + "," + Label("backend", backend.Address), value(backend));
            }
        }
    }

    private static void Requests(StringBuilder text, string name, string labels, CumulativeStats stats)
    {
        for (var i = 0; i < StatusClasses.Length; i++)
        {
            Sample(text, name, Join(labels, Label("code", StatusClasses[i])), stats.StatusClasses[i]);
        }
    }

    private static void Histogram(StringBuilder text, string name, string labels, CumulativeStats stats)
    {
        foreach (var boundary in DurationBoundaries)
        {
            long count = 0;
            for (var i = 0; i < stats.Latencies.Length && LatencyBuckets.UpperBounds[i] <= boundary * 1000; i++)
            {
                count += stats.Latencies[i];
            }

            Sample(text, name + "_bucket", Join(labels, Label("le", boundary.ToString(CultureInfo.InvariantCulture))), count);
        }

        Sample(text, name + "_bucket", Join(labels, Label("le", "+Inf")), stats.Requests);
        Sample(text, name + "_sum", labels, stats.SumMilliseconds / 1000);
        Sample(text, name + "_count", labels, stats.Requests);
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Join(string first, string second) => first.Length == 0 ? second : first + "," + second;

    private static string Label(string name, string value) =>
        name + "=\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
