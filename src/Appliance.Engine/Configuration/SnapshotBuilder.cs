using System.Globalization;
using Appliance.Data.Model;
using Appliance.Engine.Health;
using Appliance.Engine.LoadBalancing;
using Appliance.Engine.Routing;
using Appliance.Engine.Routing.Rules;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Appliance.Engine.Configuration;

/// <summary>
/// Turns a configuration document into a <see cref="ProxySnapshot"/>: YARP's routes and clusters
/// here, each route's plan from the features' compilers. Pure: no I/O, no clock, the same document
/// always gives the same snapshot.
/// </summary>
internal sealed class SnapshotBuilder(SnapshotBuilderOptions options, IEnumerable<IRoutePlanCompiler> compilers, IEnumerable<ISnapshotPartCompiler>? partCompilers = null)
{
    private const string CatchAll = "{**catch-all}";

    private readonly IRoutePlanCompiler[] _compilers = compilers.ToArray();
    private readonly ISnapshotPartCompiler[] _partCompilers = partCompilers?.ToArray() ?? [];

    /// <summary>Builds the snapshot of <paramref name="document"/> at <paramref name="revision"/>.</summary>
    public ProxySnapshot Build(ConfigDocument document, long revision)
    {
        var clusters = document.Pools.Select(BuildCluster).ToList();
        if (document.Routes.Any(r => r.Redirect is not null))
        {
            clusters.Add(new ClusterConfig { ClusterId = RouteRuleMetadata.RedirectClusterId });
        }

        var ordered = document.Routes.Order(RouteSpecificity.Instance).ToArray();
        var metadata = RouteRevision.Metadata(revision);
        var routes = ordered.Select((route, index) => BuildRoute(route, index, metadata)).ToArray();
        var pools = document.Pools
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PoolPlan(p.Name, p.LoadBalancing, p.HealthCheck, p.Backends))
            .ToArray();

        // Each feature compiles its own part of every route's plan.
        var plans = new RoutePlanBuilder(revision, document.Routes);
        foreach (var compiler in _compilers)
        {
            compiler.Compile(document, plans);
        }

        // And features that serve the whole configuration (streams) compile their part of it.
        var parts = new SnapshotParts();
        foreach (var compiler in _partCompilers)
        {
            compiler.Compile(document, parts);
        }

        return new ProxySnapshot(revision, routes, clusters.ToArray(), pools, plans.Build(), plans.BuildUnmatched(), parts);
    }

    /// <summary>The YARP path template that matches <paramref name="prefix"/> on whole segments.</summary>
    public static string PathTemplate(string prefix) => prefix == "/" ? "/" + CatchAll : prefix + "/" + CatchAll;

    private static RouteConfig BuildRoute(RouteSpec route, int order, IReadOnlyDictionary<string, string> metadata) => new()
    {
        RouteId = route.Name,

        // The revision: the plan a request gets is the one built with the route it matched; and
        // what the matcher policy and the rewrite transform need before the plan is known.
        Metadata = RouteRuleMetadata.For(route, metadata),

        // The first target that takes traffic; the traffic split moves requests to the others. A
        // redirect route answers in the pipeline, but YARP answers 503 for a route without cluster
        // before any of our steps run, so it gets one with no destinations.
        ClusterId = route.Redirect is null ? route.Targets.First(t => t.Weight > 0).Pool : RouteRuleMetadata.RedirectClusterId,

        // Specificity is decided here, once, so that endpoint routing only has to follow the order.
        Order = order,
        Match = new RouteMatch
        {
            Hosts = route.Hosts.Count > 0 ? route.Hosts : null,
            Path = PathTemplate(route.Path),
            Methods = route.Methods.Count > 0 ? route.Methods : null,
            Headers = YarpMatchConditions.Headers(route),
            QueryParameters = YarpMatchConditions.QueryParameters(route),
        },
    };

    private ClusterConfig BuildCluster(PoolSpec pool)
    {
        var destinations = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pool.Backends.Count; i++)
        {
            var backend = pool.Backends[i];

            // A disabled backend is left out of the cluster: YARP sends it nothing new, and the
            // requests it is serving finish on the destination they already hold.
            if (!backend.Enabled)
            {
                continue;
            }

            // The address is the id, so that reordering or editing other backends keeps each
            // backend's health state.
            destinations[backend.Address] = new DestinationConfig
            {
                Address = backend.Address,
                Metadata = new Dictionary<string, string>
                {
                    [DestinationMetadata.Weight] = backend.Weight.ToString(CultureInfo.InvariantCulture),
                    [DestinationMetadata.Position] = i.ToString(CultureInfo.InvariantCulture),
                },
            };
        }

        var health = pool.HealthCheck;
        return new ClusterConfig
        {
            ClusterId = pool.Name,

            // Our policy names are YARP's where YARP has the policy, our own where it has not.
            LoadBalancingPolicy = pool.LoadBalancing,
            Destinations = destinations,
            HealthCheck = new HealthCheckConfig
            {
                AvailableDestinationsPolicy = HealthCheckNames.AvailableDestinationsPolicy,
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckNames.PassivePolicy,
                    ReactivationPeriod = options.PassiveReactivationPeriod,
                },

                // A health check without a path is a TCP connect probe, which our own prober runs
                // (Health/TcpHealthProber): YARP's monitor only speaks HTTP.
                Active = health?.Path is null
                    ? null
                    : new ActiveHealthCheckConfig
                    {
                        Enabled = true,
                        Interval = TimeSpan.FromSeconds(health.IntervalSeconds),
                        Timeout = TimeSpan.FromSeconds(health.TimeoutSeconds),
                        Policy = HealthCheckNames.ActivePolicy,
                        Path = health.Path,
                    },
            },
            Metadata = health is null
                ? null
                : new Dictionary<string, string>
                {
                    [HealthCheckNames.UnhealthyAfterMetadata] = health.UnhealthyAfter.ToString(CultureInfo.InvariantCulture),
                    [HealthCheckNames.HealthyAfterMetadata] = health.HealthyAfter.ToString(CultureInfo.InvariantCulture),
                },
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = options.BackendTimeout },
        };
    }
}
