using Appliance.Data.Cluster;
using Appliance.Data.Store;
using Appliance.Engine.Caching;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Health;

namespace Appliance.Engine.Cluster;

/// <summary>
/// Reads the node registry into what operators see: each node up or down by its last heartbeat,
/// behind or not against the database's revision, and this node with its live figures rather than
/// its last heartbeat's. <see cref="Latest"/> keeps the last reading for <c>/metrics</c>, which must
/// not wait on the database.
/// </summary>
public sealed class NodeDirectory(
    NodeRegistry registry,
    ConfigStore config,
    NodeIdentity identity,
    NodeOptions options,
    ProxyOptions proxy,
    RevisionSightings sightings,
    SnapshotStore snapshots,
    HealthReader health,
    ResponseCache cache,
    TimeProvider time)
{
    private ClusterView _latest = ClusterView.Empty;

    /// <summary>The last reading, as of this node's last heartbeat or API call.</summary>
    public ClusterView Latest => Volatile.Read(ref _latest);

    /// <summary>
    /// How long a node may serve an older revision before it is flagged: a refresh waits at most one
    /// poll, and its heartbeat then comes within one interval (two, to allow for a slow database).
    /// </summary>
    public TimeSpan BehindGrace => proxy.ConfigPollInterval + 2 * options.HeartbeatInterval;

    /// <summary>Every registered node, read from the database now.</summary>
    public async Task<ClusterView> ReadAsync(CancellationToken cancellationToken = default)
    {
        var revision = await config.GetRevisionAsync(cancellationToken);
        var records = await registry.ListAsync(cancellationToken);
        sightings.Observe(revision);
        var now = time.GetUtcNow();
        var view = new ClusterView(revision, records.Select(record => ToStatus(record, revision, now)).ToArray());
        Volatile.Write(ref _latest, view);
        return view;
    }

    /// <summary>
    /// The report this node would send now: its live health and cache, also shown for itself
    /// instead of what its last heartbeat said.
    /// </summary>
    public NodeReport LocalReport() => NodeReport.Of(health.Read(), cache.Statistics());

    private NodeStatus ToStatus(NodeRecord record, long revision, DateTimeOffset now)
    {
        var self = record.Name == identity.Name;
        var report = self ? LocalReport() : NodeReport.FromJson(record.Report);
        var applied = self ? snapshots.AppliedRevision : record.AppliedRevision;

        // This node is running the code that answers, whatever its row says.
        var up = self || now - record.LastSeenAt <= options.DownAfter;
        var behind = applied < revision && sightings.IsBehind(applied, BehindGrace);
        return new NodeStatus(
            record.Name,
            record.Addresses,
            record.Version,
            applied,
            up ? NodeState.Up : NodeState.Down,
            behind,
            record.StartedAt,
            record.LastSeenAt,
            self,
            report.Health,
            report.Cache);
    }
}
