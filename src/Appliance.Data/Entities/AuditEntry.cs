namespace Appliance.Data.Entities;

/// <summary>One configuration change: who made it, when, and the entity before and after, as JSON.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityName { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
}
