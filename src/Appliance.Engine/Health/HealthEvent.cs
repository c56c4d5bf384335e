namespace Appliance.Engine.Health;

/// <summary>
/// A backend's health as the dashboard shows it changed: it left rotation (To is Unhealthy), came
/// back into it (From is Unhealthy), or had its first verdict.
/// </summary>
public sealed record HealthEvent(DateTimeOffset At, string Pool, string Backend, string From, string To);
