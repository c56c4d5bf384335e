namespace Appliance.Data.Cluster;

// Several nodes: a row in ClusterMessages, which every other node's reader picks up.
internal sealed class DatabaseClusterBus(ClusterMessageStore store, NodeIdentity node) : IClusterBus
{
    public Task PublishAsync(string topic, string payload, CancellationToken cancellationToken = default) =>
        store.AppendAsync(topic, payload, node.Name, cancellationToken);
}
