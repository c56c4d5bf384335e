using System.ComponentModel.DataAnnotations;

namespace Appliance.Engine.Alerts;

/// <summary>How alerts are delivered and how often the cluster-wide checks run, bound from <c>Appliance:Alerts</c>.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Appliance:Alerts";

    /// <summary>Seconds one delivery attempt may take (connect, send, answer).</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts per notification and channel before it counts as failed.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Seconds before the first retry; each further retry waits twice as long.</summary>
    [Range(1, 3600)]
    public int RetrySeconds { get; set; } = 5;

    /// <summary>Events held before they are grouped and sent; beyond this they are dropped and counted.</summary>
    [Range(10, 1_000_000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Seconds between reads of the audit trail for configuration changes (by the node holding the alerts lease).</summary>
    [Range(1, 3600)]
    public int AuditPollSeconds { get; set; } = 2;

    /// <summary>Seconds between checks of certificates and nodes (by the node holding the alerts lease).</summary>
    [Range(1, 3600)]
    public int CheckSeconds { get; set; } = 30;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan RetryDelay => TimeSpan.FromSeconds(RetrySeconds);

    public TimeSpan AuditPollInterval => TimeSpan.FromSeconds(AuditPollSeconds);

    public TimeSpan CheckInterval => TimeSpan.FromSeconds(CheckSeconds);
}
