namespace Appliance.Engine.Cluster;

/// <summary>Every registered node and the configuration revision the database held when they were read.</summary>
public sealed record ClusterView(long DatabaseRevision, IReadOnlyList<NodeStatus> Nodes)
{
    public static ClusterView Empty { get; } = new(0, []);

    /// <summary>The nodes that have written a heartbeat within the last three intervals.</summary>
    public IEnumerable<NodeStatus> Up => Nodes.Where(n => n.Status == NodeState.Up);
}
