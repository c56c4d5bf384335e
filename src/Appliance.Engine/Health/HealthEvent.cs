namespace Appliance.Engine.Health;

/// <summary>
/// A backend's health as the dashboard shows it changed: it left rotation (To is Unhealthy), came
/// back into it (From is Unhealthy), or had its first verdict.
/// </summary>
public sealed record HealthEvent(DateTimeOffset At, string Pool, string Backend, string From, string To)
{
    /// <summary>Which check decided: <c>probe</c> (active health) or <c>traffic</c> (live-traffic failures, or their time-out ending).</summary>
    public string Source { get; init; } = HealthSources.Probe;

    /// <summary>Why, in a few words ("connection refused", "12 of 30 requests failed"); null when nothing more is known.</summary>
    public string? Reason { get; init; }
}
