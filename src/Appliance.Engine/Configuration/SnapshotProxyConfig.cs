using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Configuration;

// One YARP view of one snapshot. Its change token fires when the next snapshot replaces it.
internal sealed class SnapshotProxyConfig(ProxySnapshot snapshot) : IProxyConfig, IDisposable
{
    private readonly CancellationTokenSource _changed = new();

    /// <summary>The snapshot this view shows: once YARP has applied the view, the one it routes with.</summary>
    public ProxySnapshot Snapshot => snapshot;

    public IReadOnlyList<RouteConfig> Routes => snapshot.Routes;
    public IReadOnlyList<ClusterConfig> Clusters => snapshot.Clusters;
    public IChangeToken ChangeToken => new CancellationChangeToken(_changed.Token);
    public string RevisionId => snapshot.RevisionId;

    public void SignalChange() => _changed.Cancel();

    public void Dispose() => _changed.Dispose();
}
