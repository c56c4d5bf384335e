using Appliance.Data.Cluster;
using Appliance.Data.Store;

namespace Appliance.Engine.Cluster;

/// <summary>
/// The one way a departed node is forgotten, for <c>DELETE /api/v1/nodes/{name}</c> and the
/// dashboard's Forget button alike: its row goes, audited, only once it has been silent for three
/// heartbeats, since a live node would write its row again at its next one (409 otherwise).
/// </summary>
public sealed class NodeForgetter(NodeRegistry registry, NodeOptions options, TimeProvider time)
{
    /// <summary>Removes <paramref name="name"/>'s row for <paramref name="actor"/>: 404 when there is none, 409 while it is up.</summary>
    public Task<StoreResult<NodeRecord>> ForgetAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        registry.ForgetAsync(name, time.GetUtcNow() - options.DownAfter, actor, cancellationToken);
}
