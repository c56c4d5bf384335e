using Appliance.Data.Store;

namespace Appliance.Data.Cluster;

/// <summary>Wakes <see cref="ClusterMessageReader"/> when another node says it appended a message.</summary>
public sealed class ClusterMessageSignal : WakeSignal;
