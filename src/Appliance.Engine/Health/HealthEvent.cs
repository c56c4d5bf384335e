namespace Appliance.Engine.Health;

/// <summary>A backend's active health changed: it went down or came back.</summary>
public sealed record HealthEvent(DateTimeOffset At, string Pool, string Backend, string From, string To);
