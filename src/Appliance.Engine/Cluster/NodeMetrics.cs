using Appliance.Engine.Metrics;

namespace Appliance.Engine.Cluster;

/// <summary>The nodes as of this node's last heartbeat (a scrape never waits on the database), and its failed heartbeats.</summary>
internal sealed class NodeMetrics(NodeDirectory nodes, HeartbeatCounter heartbeats) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        var view = nodes.Latest;
        var up = view.Up.Count();
        text.Family("appliance_cluster_nodes", "gauge", "Registered nodes by status (up: a heartbeat within three intervals).")
            .Sample("appliance_cluster_nodes", PrometheusText.Label("status", "up"), up)
            .Sample("appliance_cluster_nodes", PrometheusText.Label("status", "down"), view.Nodes.Count - up);
        text.Family("appliance_node_behind", "gauge", "1 when the node serves an older configuration revision than the database holds, past a short grace, else 0.");
        foreach (var node in view.Nodes)
        {
            text.Sample("appliance_node_behind", PrometheusText.Label("node", node.Name), node.Behind ? 1 : 0);
        }

        text.Single("appliance_node_heartbeat_failures_total", "counter", "Heartbeats this node could not write to the database since start.", heartbeats.Failed);
        text.Single("appliance_node_name_clashes_total", "counter", "Heartbeats that found this node's row written by another process under the same Appliance:Node:Name (give every node its own name).", heartbeats.NameClashes);
    }
}
