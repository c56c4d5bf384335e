using Appliance.Engine.Metrics;

namespace Appliance.Engine.Health;

/// <summary>
/// Everything the health API returns: the revision the data plane serves, totals, open client
/// connections, pools with backends, routes, and how long a backend that fails on live traffic
/// stays out of rotation.
/// </summary>
public sealed record HealthReport(long Revision, WindowStats Total, long OpenConnections, IReadOnlyList<PoolHealth> Pools, IReadOnlyList<RouteTraffic> Routes, int PassiveReactivationSeconds);
