namespace Appliance.Data.Model;

/// <summary>
/// Which events go to which channels, and how repeats are grouped: per (rule, subject) at most one
/// notification every <see cref="GroupMinutes"/>, the rest counted into the next one.
/// </summary>
public sealed record AlertRuleSpec
{
    public string Name { get; init; } = "";

    /// <summary>A rule that is off sends nothing; it is kept as configured.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The events the rule sends (<see cref="AlertEvents"/>), at least one.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>The channels it sends them to, at least one.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>For <see cref="AlertEvents.CertificateExpiring"/>: how many days before expiry to warn (1–365).</summary>
    public int ExpiringWithinDays { get; init; } = 14;

    /// <summary>
    /// After a notification about one subject (a backend, a pool, a certificate…), further events
    /// about it within this many minutes are held and sent as one summary with their count; 0 sends
    /// every event at once (0–1440).
    /// </summary>
    public int GroupMinutes { get; init; } = 5;
}
