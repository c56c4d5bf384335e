namespace Appliance.Engine.Security.Shield;

/// <summary>A request the shield turned away: when, why, on which route, from where.</summary>
public sealed record BlockedRequest(DateTimeOffset At, string Reason, string Route, string Client, string Detail);
