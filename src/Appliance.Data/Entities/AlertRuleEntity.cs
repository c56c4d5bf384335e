namespace Appliance.Data.Entities;

// An alert rule: events and channels are read and written whole, so each is one JSON column.
internal sealed class AlertRuleEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; }
    public string EventsJson { get; set; } = "[]";
    public string ChannelsJson { get; set; } = "[]";
    public int ExpiringWithinDays { get; set; }
    public int GroupMinutes { get; set; }
}
