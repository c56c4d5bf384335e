namespace Appliance.Engine.Cluster;

/// <summary>One pool's backends as one node sees them.</summary>
public sealed record NodePoolHealth(string Name, IReadOnlyList<NodeBackendHealth> Backends);
