using System.Text.Json;
using Appliance.Data.Cluster;

namespace Appliance.Engine.Caching;

// Applies the purges operators made on other nodes to this node's cache.
internal sealed class CachePurgeMessageHandler(ResponseCache cache) : IClusterMessageHandler
{
    public string Topic => CachePurger.Topic;

    public Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var order = JsonSerializer.Deserialize<CachePurgeOrder>(payload)
            ?? throw new JsonException("A cache purge message was empty.");
        if (order.Scope != CachePurgeScope.All && string.IsNullOrEmpty(order.Key))
        {
            throw new JsonException($"A cache purge message of scope {order.Scope} has no key.");
        }

        order.ApplyTo(cache);
        return Task.CompletedTask;
    }
}
