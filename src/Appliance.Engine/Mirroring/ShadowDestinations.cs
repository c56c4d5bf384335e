using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// Picks the destination of a copy the way YARP picks a request's: among the shadow pool's backends
/// in rotation (its available-destinations policy, healthy and unknown), with the pool's own
/// load-balancing policy.
/// </summary>
internal sealed class ShadowDestinations(IProxyStateLookup proxyState, IEnumerable<ILoadBalancingPolicy> policies)
{
    private readonly FrozenDictionary<string, ILoadBalancingPolicy> _policies =
        policies.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The shadow pool's cluster and the destination for one copy, or null when the pool has none in rotation.</summary>
    public (ClusterState Cluster, DestinationState Destination)? Pick(string pool, HttpContext context)
    {
        if (!proxyState.TryGetCluster(pool, out var cluster))
        {
            return null;
        }

        var available = cluster.DestinationsState.AvailableDestinations;
        var destination = available.Count switch
        {
            0 => null,
            1 => available[0],
            _ => PickAmong(cluster, available, context),
        };
        return destination is null ? null : (cluster, destination);
    }

    private DestinationState? PickAmong(ClusterState cluster, IReadOnlyList<DestinationState> available, HttpContext context)
    {
        var name = cluster.Model.Config.LoadBalancingPolicy ?? LoadBalancingPolicies.PowerOfTwoChoices;
        if (!_policies.TryGetValue(name, out var policy))
        {
            return available[0];
        }

        // A context of its own, so that a policy reading the request's proxy feature sees the shadow
        // pool rather than the primary one the client's request was balanced over.
        var shadow = new DefaultHttpContext();
        shadow.Features.Set<IReverseProxyFeature>(new ShadowProxyFeature(context.GetReverseProxyFeature().Route, cluster));
        return policy.PickDestination(shadow, cluster, available);
    }
}
