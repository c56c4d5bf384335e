namespace Appliance.Engine.Uptime;

/// <summary>A stretch of a backend's timeline: <see cref="Data.Uptime.UptimeStates.Up"/>, <see cref="Data.Uptime.UptimeStates.Down"/> or <see cref="UptimeSegment.Unknown"/>.</summary>
public sealed record UptimeSegment(DateTimeOffset From, DateTimeOffset To, string State)
{
    /// <summary>Not observed: the node was not running, or had no verdict on the backend.</summary>
    public const string Unknown = "Unknown";

    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan Duration => To - From;
}
