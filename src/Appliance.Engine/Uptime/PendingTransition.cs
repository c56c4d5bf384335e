namespace Appliance.Engine.Uptime;

/// <summary>A transition waiting in memory for the writer; the run it belongs to is the writer's.</summary>
internal sealed record PendingTransition(string Pool, string Backend, DateTimeOffset At, string State, string Source, string? Reason);
