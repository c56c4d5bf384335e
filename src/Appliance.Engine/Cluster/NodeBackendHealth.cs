namespace Appliance.Engine.Cluster;

/// <summary>One backend as one node's own probes and traffic see it.</summary>
public sealed record NodeBackendHealth(string Address, string Health, bool InRotation);
