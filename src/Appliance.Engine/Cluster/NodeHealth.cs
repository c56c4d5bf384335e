namespace Appliance.Engine.Cluster;

/// <summary>Every pool's backends as one node's own probes and traffic see them (each node probes for itself).</summary>
public sealed record NodeHealth(IReadOnlyList<NodePoolHealth> Pools)
{
    public static NodeHealth None { get; } = new([]);
}
