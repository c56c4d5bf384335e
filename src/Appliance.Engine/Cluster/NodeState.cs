namespace Appliance.Engine.Cluster;

/// <summary>Whether a node has written its heartbeat within the last three intervals.</summary>
public enum NodeState
{
    Up,
    Down,
}
