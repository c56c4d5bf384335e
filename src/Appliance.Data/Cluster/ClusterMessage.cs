namespace Appliance.Data.Cluster;

/// <summary>A message one node sent for every other node to act on once (a cache purge, say).</summary>
public sealed record ClusterMessage(long Id, string Topic, string Payload, string Origin, DateTimeOffset CreatedAt);
