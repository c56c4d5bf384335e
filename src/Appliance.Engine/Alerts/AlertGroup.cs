namespace Appliance.Engine.Alerts;

/// <summary>One (rule, subject)'s grouping window: when it ends, and the events held in it so far.</summary>
internal sealed class AlertGroup(IReadOnlyList<string> channels, DateTimeOffset windowEnd)
{
    public IReadOnlyList<string> Channels { get; set; } = channels;

    public DateTimeOffset WindowEnd { get; set; } = windowEnd;

    public List<AlertEvent> Held { get; } = [];
}
