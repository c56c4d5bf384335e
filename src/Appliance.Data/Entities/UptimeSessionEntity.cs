namespace Appliance.Data.Entities;

// One run of one node's health checks: from its start until the last time its uptime writer said
// it was still running. Time outside every run is unknown, never counted as down.
internal sealed class UptimeSessionEntity
{
    public long Id { get; set; }
    public string Node { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
