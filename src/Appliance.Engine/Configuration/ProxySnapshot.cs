using System.Collections.Frozen;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Configuration;

/// <summary>
/// One immutable, complete configuration of the data plane, all built from one database revision:
/// YARP's routes and clusters, the pools as configured, and each route's plan, which the features
/// compiled (<see cref="IRoutePlanCompiler"/>).
/// </summary>
internal sealed class ProxySnapshot(
    long revision,
    IReadOnlyList<RouteConfig> routes,
    IReadOnlyList<ClusterConfig> clusters,
    IReadOnlyList<PoolPlan> pools,
    FrozenDictionary<string, RoutePlan> plans,
    RoutePlan? unmatched = null,
    SnapshotParts? parts = null)
{
    /// <summary>An empty configuration: every request is unmatched.</summary>
    public static ProxySnapshot Empty { get; } = new(-1, [], [], [], FrozenDictionary<string, RoutePlan>.Empty);

    /// <summary>The database revision this snapshot was built from.</summary>
    public long Revision { get; } = revision;

    /// <summary><see cref="Revision"/> as YARP and the routes' metadata spell it (<see cref="RouteRevision"/>).</summary>
    public string RevisionId { get; } = RouteRevision.Format(revision);

    public IReadOnlyList<RouteConfig> Routes { get; } = routes;
    public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;

    /// <summary>Pools in name order, every backend included, drained or not.</summary>
    public IReadOnlyList<PoolPlan> Pools { get; } = pools;

    /// <summary>Each route's plan, by route id: every route of the revision has one.</summary>
    public FrozenDictionary<string, RoutePlan> Plans { get; } = plans;

    /// <summary>
    /// The plan of the requests this revision's routes do not take: no route, so only the parts
    /// features set for such requests (<see cref="RoutePlanBuilder.SetUnmatched{TPart}"/>).
    /// </summary>
    public RoutePlan Unmatched { get; } = unmatched ?? new RoutePlan("", revision, []);

    /// <summary>What features compiled for the whole configuration rather than per route (<see cref="ISnapshotPartCompiler"/>).</summary>
    public SnapshotParts Parts { get; } = parts ?? SnapshotParts.None;
}
