namespace Appliance.Data.Entities;

// One appliance node sharing this database: who it is, where it listens, and what it last said in
// its heartbeat. A node silent for three heartbeats is shown down; its row stays until removed.
internal sealed class NodeEntity
{
    public string Name { get; set; } = "";

    // JSON list of the node's listening addresses, as the node reports them.
    public string Addresses { get; set; } = "[]";

    public string Version { get; set; } = "";

    // The configuration revision the node's data plane serves.
    public long AppliedRevision { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    // JSON summary of the backends' health as this node's own probes see them.
    public string Health { get; set; } = "{}";
}
