using Appliance.Data.Model;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.LoadBalancing;

/// <summary>
/// The first healthy backend in the pool's list order: primary and backups. YARP's
/// FirstAlphabetical orders by id, which here is the address, not the operator's order.
/// </summary>
internal sealed class FirstAvailablePolicy : ILoadBalancingPolicy
{
    public string Name => LoadBalancingPolicyNames.FirstAvailable;

    public DestinationState? PickDestination(HttpContext context, ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        var positions = ClusterDestinationWeights.PositionsOf(context.GetReverseProxyFeature().Cluster);
        DestinationState? first = null;
        var firstPosition = int.MaxValue;
        foreach (var destination in availableDestinations)
        {
            var position = positions.GetValueOrDefault(destination.DestinationId, int.MaxValue);
            if (first is null || position < firstPosition)
            {
                first = destination;
                firstPosition = position;
            }
        }

        return first;
    }
}
