namespace Appliance.Data.Uptime;

/// <summary>One recorded change of a backend's health on one node (see <see cref="UptimeStates"/>, <see cref="UptimeSources"/>).</summary>
public sealed record HealthTransition(
    long SessionId,
    string Node,
    string Pool,
    string Backend,
    DateTimeOffset At,
    string State,
    string Source,
    string? Reason);
