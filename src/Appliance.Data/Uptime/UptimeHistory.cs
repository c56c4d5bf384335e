namespace Appliance.Data.Uptime;

/// <summary>A node's runs that reach into a window, and their transitions (some may be older than the window: they say what held at its start).</summary>
public sealed record UptimeHistory(IReadOnlyList<UptimeSession> Sessions, IReadOnlyList<HealthTransition> Transitions)
{
    public static UptimeHistory Empty { get; } = new([], []);
}
