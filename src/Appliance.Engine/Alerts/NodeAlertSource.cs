using Appliance.Data.Cluster;
using Appliance.Data.Model;
using Appliance.Engine.Cluster;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Raises <see cref="AlertEvents.NodeDown"/> when another node sharing the database goes silent, and
/// <see cref="AlertEvents.NodeUp"/> when it comes back, from the node list each heartbeat refreshes.
/// A node taking the lease over also reports nodes that went down lately: the previous holder may be
/// one of them, and a holder that crashed cannot report its own death.
/// </summary>
internal sealed class NodeAlertSource(NodeDirectory nodes, AlertQueue queue, AlertOptions options, NodeIdentity node, AlertLease lease, TimeProvider time)
    : LeaderAlertSource(lease, time)
{
    // The lease lapses a minute after its holder dies and is taken within ten seconds of that: a
    // node last heard of within this span may have died unreported.
    private static readonly TimeSpan RecentlyDown = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, NodeState> _seen = new(StringComparer.Ordinal);

    protected override TimeSpan Interval => options.CheckInterval;

    protected override Task CheckAsync(bool baseline, bool takingOver, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        foreach (var other in nodes.Latest.Nodes.Where(n => !n.Self && n.Name != node.Name))
        {
            var known = _seen.TryGetValue(other.Name, out var before);
            _seen[other.Name] = other.Status;
            var diedUnreported = takingOver && other.Status == NodeState.Down && now - other.LastSeenAt <= RecentlyDown;
            if (!diedUnreported && (baseline || !known || before == other.Status))
            {
                continue;
            }

            var down = other.Status == NodeState.Down;
            queue.Raise(new AlertEvent(
                down ? AlertEvents.NodeDown : AlertEvents.NodeUp,
                $"node {other.Name}",
                down ? $"Node {other.Name} has sent no heartbeat since {other.LastSeenAt:u}." : $"Node {other.Name} sends heartbeats again.",
                now)
            {
                Node = other.Name,
                Details = new Dictionary<string, string?>
                {
                    ["node"] = other.Name,
                    ["lastSeenAt"] = other.LastSeenAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["reportedBy"] = node.Name,
                },
            });
        }

        return Task.CompletedTask;
    }
}
