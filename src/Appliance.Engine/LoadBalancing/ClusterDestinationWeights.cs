using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.LoadBalancing;

/// <summary>
/// Weights and list positions of a cluster's destinations, parsed once per cluster model. A new
/// configuration makes a new model, so the cache follows every change and old entries are collected.
/// </summary>
internal static class ClusterDestinationWeights
{
    private static readonly ConditionalWeakTable<ClusterModel, FrozenDictionary<string, int>> Weights = new();
    private static readonly ConditionalWeakTable<ClusterModel, FrozenDictionary<string, int>> Positions = new();

    public static FrozenDictionary<string, int> WeightsOf(ClusterModel cluster) =>
        Weights.GetValue(cluster, static c => Read(c, DestinationMetadata.Weight, fallback: 1));

    public static FrozenDictionary<string, int> PositionsOf(ClusterModel cluster) =>
        Positions.GetValue(cluster, static c => Read(c, DestinationMetadata.Position, fallback: int.MaxValue));

    private static FrozenDictionary<string, int> Read(ClusterModel cluster, string key, int fallback) =>
        (cluster.Config.Destinations ?? new Dictionary<string, Yarp.ReverseProxy.Configuration.DestinationConfig>())
            .ToFrozenDictionary(d => d.Key, d => DestinationMetadata.ReadInt(d.Value, key, fallback), StringComparer.OrdinalIgnoreCase);
}
