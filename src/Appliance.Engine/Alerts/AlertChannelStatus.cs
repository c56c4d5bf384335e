namespace Appliance.Engine.Alerts;

/// <summary>
/// How one channel's deliveries went on this node since start: notifications delivered, those that
/// failed every attempt, failed attempts (retries included), and the last success and failure with
/// its reason.
/// </summary>
public sealed record AlertChannelStatus(
    string Channel,
    long Sent,
    long Failed,
    long FailedAttempts,
    DateTimeOffset? LastSentAt,
    DateTimeOffset? LastFailureAt,
    string? LastError);
