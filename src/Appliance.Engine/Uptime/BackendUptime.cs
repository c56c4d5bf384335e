namespace Appliance.Engine.Uptime;

/// <summary>
/// One backend's uptime on one node: the share of observed time it was in rotation over the last
/// 24 hours, 7 and 30 days (null when nothing was observed), its transitions over 30 days, oldest
/// first, and its timeline over the last 24 hours.
/// </summary>
public sealed record BackendUptime(
    string Pool,
    string Address,
    string Node,
    double? Uptime24h,
    double? Uptime7d,
    double? Uptime30d,
    IReadOnlyList<UptimeTransition> Transitions,
    IReadOnlyList<UptimeSegment> Timeline24h);
