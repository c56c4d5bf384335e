using System.ComponentModel.DataAnnotations;

namespace Appliance.Engine.Uptime;

/// <summary>How long health history is kept and how it is written, bound from <c>Appliance:Uptime</c>.</summary>
public sealed class UptimeOptions
{
    public const string SectionName = "Appliance:Uptime";

    /// <summary>Days of transitions and runs kept in the database; the longest uptime window (30 days) needs 30.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>Seconds between writes: queued transitions, and this run's "still running" mark.</summary>
    [Range(1, 300)]
    public int FlushSeconds { get; set; } = 5;

    /// <summary>Transitions held while the database is slow; beyond this they are dropped and counted.</summary>
    [Range(10, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Minutes between removals of history older than <see cref="RetentionDays"/>.</summary>
    [Range(1, 1440)]
    public int PruneMinutes { get; set; } = 60;

    public TimeSpan FlushInterval => TimeSpan.FromSeconds(FlushSeconds);

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    public TimeSpan PruneInterval => TimeSpan.FromMinutes(PruneMinutes);
}
