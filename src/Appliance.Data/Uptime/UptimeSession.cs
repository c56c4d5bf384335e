namespace Appliance.Data.Uptime;

/// <summary>One run of one node's health checks: from its start to the last time it said it was running.</summary>
public sealed record UptimeSession(long Id, string Node, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt);
