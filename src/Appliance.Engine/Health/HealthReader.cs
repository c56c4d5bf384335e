using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Health;

/// <summary>
/// Joins the live snapshot (what is configured), YARP's state (health, requests in flight) and the
/// traffic windows into one report, for the control plane.
/// </summary>
public sealed class HealthReader(SnapshotStore snapshots, DataPlaneHost dataPlane, TrafficMetrics metrics, HealthEventLog events, ConnectionCounter connections, ProxyOptions options)
{
    /// <summary>The report as of now.</summary>
    public HealthReport Read()
    {
        var snapshot = snapshots.Current;
        var proxyState = dataPlane.Services.GetRequiredService<IProxyStateLookup>();
        var pools = snapshot.Pools.Select(pool => ReadPool(pool, proxyState)).ToArray();
        var routes = snapshot.Plans.Keys.Order(StringComparer.Ordinal)
            .Select(name => new RouteTraffic(name, metrics.ForRoute(name)))
            .ToArray();
        // The period every cluster is built with (DataPlaneHost hands it to the snapshot builder), and
        // the one the passive policy applies: the figure shown is the one in force.
        return new HealthReport(snapshots.AppliedRevision, metrics.Total(), connections.Open, pools, routes, options.PassiveReactivationSeconds);
    }

    private PoolHealth ReadPool(PoolPlan pool, IProxyStateLookup proxyState)
    {
        proxyState.TryGetCluster(pool.Name, out var cluster);
        var backends = pool.Backends.Select(backend =>
        {
            DestinationState? destination = null;
            cluster?.Destinations.TryGetValue(backend.Address, out destination);
            if (destination is not null)
            {
                // The watcher looks once a second; looking now makes the health and "since" reported agree.
                events.Observe(pool.Name, destination);
            }

            var active = destination?.Health.Active ?? DestinationHealth.Unknown;
            var passive = destination?.Health.Passive ?? DestinationHealth.Unknown;
            var health = RotationHealth.Of(active, passive);
            return new BackendHealth(
                backend.Address,
                backend.Weight,
                backend.Enabled,
                health.ToString(),
                active.ToString(),
                passive.ToString(),
                InRotation: destination is not null && health != DestinationHealth.Unhealthy,
                events.Since(pool.Name, backend.Address),
                destination?.ConcurrentRequestCount ?? 0,
                metrics.ForBackend(pool.Name, backend.Address));
        }).ToArray();

        return new PoolHealth(
            pool.Name,
            pool.LoadBalancing,
            pool.HealthCheck is not null,
            backends.Sum(b => b.InFlight),
            metrics.ForPool(pool.Name),
            backends);
    }
}
