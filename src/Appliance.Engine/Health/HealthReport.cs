using Appliance.Engine.Metrics;

namespace Appliance.Engine.Health;

/// <summary>Everything the health API returns: the revision the data plane serves, totals, pools with backends, routes.</summary>
public sealed record HealthReport(long Revision, WindowStats Total, IReadOnlyList<PoolHealth> Pools, IReadOnlyList<RouteTraffic> Routes);
