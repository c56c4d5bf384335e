using System.Runtime.CompilerServices;
using Appliance.Data.Model;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.LoadBalancing;

/// <summary>Smooth weighted round robin over the healthy backends of a pool.</summary>
internal sealed class WeightedRoundRobinPolicy : ILoadBalancingPolicy
{
    private readonly ConditionalWeakTable<ClusterModel, SmoothWeightedRoundRobin> _states = new();

    public string Name => LoadBalancingPolicyNames.WeightedRoundRobin;

    public DestinationState? PickDestination(HttpContext context, ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        if (availableDestinations.Count == 0)
        {
            return null;
        }

        // The feature's cluster, not the route's: a traffic split may have moved the request.
        var model = context.GetReverseProxyFeature().Cluster;
        var weights = ClusterDestinationWeights.WeightsOf(model);
        var positions = ClusterDestinationWeights.PositionsOf(model);
        var state = _states.GetValue(model, static _ => new SmoothWeightedRoundRobin());
        int index;
        lock (state)
        {
            index = state.Pick(
                availableDestinations.Count,
                (availableDestinations, weights, positions),
                static (s, i) => s.availableDestinations[i].DestinationId,
                static (s, i) => s.weights.GetValueOrDefault(s.availableDestinations[i].DestinationId, 1),
                static (s, i) => s.positions.GetValueOrDefault(s.availableDestinations[i].DestinationId, int.MaxValue));
        }

        return availableDestinations[index];
    }
}
