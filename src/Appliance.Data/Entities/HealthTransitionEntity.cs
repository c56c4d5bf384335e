namespace Appliance.Data.Entities;

// A backend's health as one node saw it changed during one run: Up (in rotation), Down (out of
// rotation) or Unobserved (the backend left the node's configuration: drained or removed).
internal sealed class HealthTransitionEntity
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public string Node { get; set; } = "";
    public string Pool { get; set; } = "";
    public string Backend { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string State { get; set; } = "";

    // "probe" or "traffic": which check decided.
    public string Source { get; set; } = "";
    public string? Reason { get; set; }
}
