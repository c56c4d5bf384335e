using Appliance.Data.Cluster;
using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Raises backend and pool events from this node's health changes. Every node probes for itself,
/// so every node sends its own, with its name: "down on node-b" is a fact about node-b's view
/// (its network, its probes), which the other nodes may not share.
/// </summary>
internal sealed class BackendAlertSource(AlertQueue queue, SnapshotStore snapshots, NodeIdentity node) : IHealthTransitionListener
{
    private static readonly string Unhealthy = nameof(DestinationHealth.Unhealthy);

    // Called under the health log's lock, so one change at a time: plain collections suffice.
    private readonly Dictionary<(string Pool, string Backend), bool> _down = [];
    private readonly HashSet<string> _poolsDown = new(StringComparer.Ordinal);

    public void OnTransition(HealthEvent change)
    {
        var down = change.To == Unhealthy;
        _down[(change.Pool, change.Backend)] = down;
        if (down)
        {
            Raise(AlertEvents.BackendDown, change, $"Backend {change.Backend} of pool {change.Pool} is down on {node.Name}: {change.Reason ?? "unhealthy"} ({change.Source}).");
        }
        else if (change.From == Unhealthy)
        {
            Raise(AlertEvents.BackendUp, change, $"Backend {change.Backend} of pool {change.Pool} is back in rotation on {node.Name} ({change.Reason ?? change.Source}).");
        }

        CheckPool(change);
    }

    // A pool is down when it has enabled backends and every one of them is out of rotation: its
    // routes answer 503. Unknown backends are in rotation, as the data plane treats them.
    private void CheckPool(HealthEvent change)
    {
        var pool = snapshots.Current.Pools.FirstOrDefault(p => p.Name == change.Pool);
        var enabled = pool?.Backends.Where(b => b.Enabled).Select(b => b.Address).ToArray() ?? [];
        var allDown = enabled.Length > 0 && enabled.All(address => _down.GetValueOrDefault((change.Pool, address)));
        if (allDown && _poolsDown.Add(change.Pool))
        {
            RaisePool(AlertEvents.PoolDown, change, $"Pool {change.Pool} has no backend in rotation on {node.Name}: its routes answer 503.", enabled.Length);
        }
        else if (!allDown && _poolsDown.Remove(change.Pool))
        {
            RaisePool(AlertEvents.PoolUp, change, $"Pool {change.Pool} has a backend in rotation again on {node.Name} ({change.Backend}).", enabled.Length);
        }
    }

    private void Raise(string kind, HealthEvent change, string summary) =>
        queue.Raise(new AlertEvent(kind, $"backend {change.Pool} {change.Backend}", summary, change.At)
        {
            Node = node.Name,
            Details = new Dictionary<string, string?>
            {
                ["pool"] = change.Pool,
                ["backend"] = change.Backend,
                ["from"] = change.From,
                ["to"] = change.To,
                ["source"] = change.Source,
                ["reason"] = change.Reason,
            },
        });

    private void RaisePool(string kind, HealthEvent change, string summary, int backends) =>
        queue.Raise(new AlertEvent(kind, $"pool {change.Pool}", summary, change.At)
        {
            Node = node.Name,
            Details = new Dictionary<string, string?>
            {
                ["pool"] = change.Pool,
                ["backends"] = backends.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["backend"] = change.Backend,
            },
        });
}
