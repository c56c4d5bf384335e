namespace Appliance.Data.Cluster;

/// <summary>
/// What a node reads after the last message it has seen: the others' messages to act on, and the
/// id to read after next time (its own messages count as seen, so they are not read again).
/// </summary>
public sealed record ClusterMessageBatch(IReadOnlyList<ClusterMessage> Messages, long LastId, bool Full);
