using System.Collections.Frozen;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Configuration;

/// <summary>
/// One immutable, complete configuration of the data plane: YARP's routes and clusters plus the
/// appliance's own per-route and per-pool data, all built from one database revision.
/// </summary>
internal sealed class ProxySnapshot
{
    public ProxySnapshot(
        long revision,
        IReadOnlyList<RouteConfig> routes,
        IReadOnlyList<ClusterConfig> clusters,
        FrozenDictionary<string, RouteSplit> splits,
        IReadOnlyList<PoolPlan> pools,
        FrozenDictionary<string, Tls.RouteHttpsPolicy>? httpsPolicies = null,
        FrozenDictionary<string, Caching.RouteResponsePolicy>? responsePolicies = null,
        FrozenDictionary<string, Security.Shield.RouteShield>? shields = null)
    {
        Shields = shields ?? FrozenDictionary<string, Security.Shield.RouteShield>.Empty;
        ResponsePolicies = responsePolicies ?? FrozenDictionary<string, Caching.RouteResponsePolicy>.Empty;
        HttpsPolicies = httpsPolicies ?? FrozenDictionary<string, Tls.RouteHttpsPolicy>.Empty;
        Revision = revision;
        Routes = routes;
        Clusters = clusters;
        Splits = splits;
        Pools = pools;
    }

    /// <summary>An empty configuration: every request is unmatched.</summary>
    public static ProxySnapshot Empty { get; } = new(-1, [], [], FrozenDictionary<string, RouteSplit>.Empty, []);

    /// <summary>The database revision this snapshot was built from.</summary>
    public long Revision { get; }

    public IReadOnlyList<RouteConfig> Routes { get; }
    public IReadOnlyList<ClusterConfig> Clusters { get; }

    /// <summary>Traffic split per route id.</summary>
    public FrozenDictionary<string, RouteSplit> Splits { get; }

    /// <summary>HTTPS redirect and HSTS per route id, for the routes that have either.</summary>
    public FrozenDictionary<string, Tls.RouteHttpsPolicy> HttpsPolicies { get; }

    /// <summary>Access lists and rate limits per route id.</summary>
    public FrozenDictionary<string, Security.Shield.RouteShield> Shields { get; }

    /// <summary>Cache rules and compression per route id.</summary>
    public FrozenDictionary<string, Caching.RouteResponsePolicy> ResponsePolicies { get; }

    /// <summary>Pools in name order, every backend included, drained or not.</summary>
    public IReadOnlyList<PoolPlan> Pools { get; }
}
