namespace Appliance.Data.Cluster;

// One node on SQLite: the sender is the only node and has acted already, so nothing leaves the process.
internal sealed class LocalClusterBus : IClusterBus
{
    public Task PublishAsync(string topic, string payload, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
