namespace Appliance.Data.Cluster;

/// <summary>Sends a message to every other node; the sender has already acted on it itself.</summary>
public interface IClusterBus
{
    /// <summary>Sends <paramref name="payload"/> on <paramref name="topic"/> to the other nodes' <see cref="IClusterMessageHandler"/>s.</summary>
    Task PublishAsync(string topic, string payload, CancellationToken cancellationToken = default);
}
