using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// The proxy feature a load-balancing policy sees when it picks a shadow destination: the shadow
/// pool's cluster, so that policies reading the feature's cluster (ours do, for weights and order)
/// pick among the shadow's backends and keep the shadow's own rotation.
/// </summary>
internal sealed class ShadowProxyFeature(RouteModel route, ClusterState cluster) : IReverseProxyFeature
{
    public RouteModel Route { get; } = route;

    public ClusterModel Cluster { get; } = cluster.Model;

    public IReadOnlyList<DestinationState> AllDestinations { get; } = cluster.DestinationsState.AllDestinations;

    public IReadOnlyList<DestinationState> AvailableDestinations { get; set; } = cluster.DestinationsState.AvailableDestinations;

    public DestinationState? ProxiedDestination { get; set; }
}
