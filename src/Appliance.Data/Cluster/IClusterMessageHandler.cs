namespace Appliance.Data.Cluster;

/// <summary>Acts on the messages of one topic that other nodes sent (registered as a singleton in the control plane's container).</summary>
public interface IClusterMessageHandler
{
    /// <summary>The topic this handler takes.</summary>
    string Topic { get; }

    /// <summary>Acts on one message; a failure is logged and the message is not offered again.</summary>
    Task HandleAsync(string payload, CancellationToken cancellationToken);
}
