using Appliance.Data.Cluster;
using Appliance.Data.Uptime;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Uptime;

/// <summary>
/// Uptime figures of the configured backends, per node (this node's unless another is named), from
/// the stored history. For the API and the Pools page: it reads the database, the data plane never does.
/// </summary>
public sealed class UptimeReader(UptimeStore store, SnapshotStore snapshots, NodeIdentity self, UptimeRun run, TimeProvider time)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    /// <summary>This node's name, the default of <c>?node=</c>.</summary>
    public string Node => self.Name;

    /// <summary>Every configured backend (of <paramref name="pool"/>, and <paramref name="backend"/>, when given) as <paramref name="node"/> saw it.</summary>
    public async Task<IReadOnlyList<BackendUptime>> ReadAsync(string? pool = null, string? backend = null, string? node = null, CancellationToken cancellationToken = default)
    {
        node ??= self.Name;
        var now = time.GetUtcNow();
        var history = await store.ReadAsync(node, now - Month, pool, backend, cancellationToken);
        var liveSession = node == self.Name ? run.SessionId : null;
        var byBackend = history.Transitions.ToLookup(t => (t.Pool, t.Backend));
        var configured = snapshots.Current.Pools
            .Where(p => pool is null || p.Name == pool)
            .SelectMany(p => p.Backends.Where(b => backend is null || b.Address == backend).Select(b => (Pool: p.Name, b.Address)));
        return configured
            .Select(b => Compute(b.Pool, b.Address, node, history.Sessions, byBackend[(b.Pool, b.Address)].ToArray(), now, liveSession))
            .ToArray();
    }

    private static BackendUptime Compute(
        string pool, string address, string node, IReadOnlyList<UptimeSession> sessions, IReadOnlyList<HealthTransition> transitions, DateTimeOffset now, long? liveSession)
    {
        var month = UptimeCalculator.Timeline(sessions, transitions, now - Month, now, liveSession);
        var shown = transitions
            .Where(t => t.At >= now - Month && t.State is UptimeStates.Up or UptimeStates.Down)
            .Select(t => new UptimeTransition(t.At, t.State == UptimeStates.Up, t.Reason, t.Source))
            .ToArray();
        return new BackendUptime(
            pool,
            address,
            node,
            UptimeCalculator.Measure(UptimeCalculator.Since(month, now - Day)).Percent,
            UptimeCalculator.Measure(UptimeCalculator.Since(month, now - Week)).Percent,
            UptimeCalculator.Measure(month).Percent,
            shown,
            UptimeCalculator.Since(month, now - Day).ToArray());
    }
}
