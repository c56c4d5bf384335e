using System.ComponentModel.DataAnnotations;

namespace Appliance.Engine.Cluster;

/// <summary>Settings of this node's heartbeat, bound from <c>Appliance:Node</c> (its name is <see cref="Data.Cluster.NodeIdentity"/>'s).</summary>
public sealed class NodeOptions
{
    public const string SectionName = "Appliance:Node";

    /// <summary>How often this node writes its row; a node silent for three of these is shown down.</summary>
    [Range(1, 60)]
    public int HeartbeatSeconds { get; set; } = 5;

    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(HeartbeatSeconds);

    /// <summary>How long a node may stay silent before it counts as down.</summary>
    public TimeSpan DownAfter => 3 * HeartbeatInterval;
}
