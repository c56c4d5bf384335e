namespace Appliance.Engine.Alerts;

/// <summary>
/// What one rule sends to its channels about one subject: a single event, or a summary of the
/// events held while the subject's grouping window was open (<see cref="Grouped"/>).
/// </summary>
public sealed record AlertNotification(string Rule, IReadOnlyList<string> Channels, string Subject, IReadOnlyList<AlertEvent> Events, bool Grouped, DateTimeOffset At)
{
    public int Count => Events.Count;

    public AlertEvent Latest => Events[^1];
}
