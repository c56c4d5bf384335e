using System.Collections.Frozen;
using Appliance.Data.Model;
using Appliance.Engine.Randomness;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Streams;

/// <summary>
/// Picks a stream's backend by its pool's load-balancing policy, as requests of the pool's routes
/// are balanced: round robin, random, first available and weighted round robin are the very
/// policies YARP runs (ours among them), given a stand-in request that carries the cluster; the two
/// that count connections count open streams too (<see cref="StreamDestinationLoad"/>).
/// </summary>
internal sealed class StreamDestinationPicker(IEnumerable<ILoadBalancingPolicy> policies, StreamDestinationLoad load, IRandomSource random)
{
    private readonly FrozenDictionary<string, ILoadBalancingPolicy> _policies =
        policies.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    /// <summary>One of <paramref name="candidates"/> (not empty), all in rotation.</summary>
    public DestinationState Pick(ClusterState cluster, IReadOnlyList<DestinationState> candidates)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var policy = cluster.Model.Config.LoadBalancingPolicy ?? LoadBalancingPolicyNames.PowerOfTwoChoices;
        if (string.Equals(policy, LoadBalancingPolicyNames.LeastRequests, StringComparison.OrdinalIgnoreCase))
        {
            return Least(candidates);
        }

        if (string.Equals(policy, LoadBalancingPolicyNames.PowerOfTwoChoices, StringComparison.OrdinalIgnoreCase))
        {
            var first = random.Next(candidates.Count);
            var second = random.Next(candidates.Count - 1);
            second += second >= first ? 1 : 0;
            return load.Of(candidates[second]) < load.Of(candidates[first]) ? candidates[second] : candidates[first];
        }

        if (!_policies.TryGetValue(policy, out var yarpPolicy))
        {
            return candidates[0];
        }

        var context = new DefaultHttpContext();
        context.Features.Set<IReverseProxyFeature>(new ReverseProxyFeature
        {
            Cluster = cluster.Model,
            AllDestinations = cluster.DestinationsState.AllDestinations,
            AvailableDestinations = candidates,
        });
        return yarpPolicy.PickDestination(context, cluster, candidates) ?? candidates[0];
    }

    // The first of the least loaded, as YARP's LeastRequests picks.
    private DestinationState Least(IReadOnlyList<DestinationState> candidates)
    {
        var best = candidates[0];
        var bestLoad = load.Of(best);
        for (var i = 1; i < candidates.Count; i++)
        {
            var current = load.Of(candidates[i]);
            if (current < bestLoad)
            {
                best = candidates[i];
                bestLoad = current;
            }
        }

        return best;
    }
}
