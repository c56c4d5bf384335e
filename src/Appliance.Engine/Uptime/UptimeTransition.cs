namespace Appliance.Engine.Uptime;

/// <summary>One change of a backend's health as the uptime API shows it: <c>source</c> is <c>probe</c> or <c>traffic</c>.</summary>
public sealed record UptimeTransition(DateTimeOffset At, bool Healthy, string? Reason, string Source);
