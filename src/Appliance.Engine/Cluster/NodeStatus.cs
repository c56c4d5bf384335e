using Appliance.Engine.Caching;

namespace Appliance.Engine.Cluster;

/// <summary>
/// One node as the API and the dashboard show it: what it last reported, whether it is up, and
/// whether it serves an older configuration than the database holds (<see cref="Behind"/>).
/// </summary>
public sealed record NodeStatus(
    string Name,
    IReadOnlyList<string> Addresses,
    string Version,
    long AppliedRevision,
    NodeState Status,
    bool Behind,
    DateTimeOffset StartedAt,
    DateTimeOffset LastSeenAt,
    bool Self,
    NodeHealth Health,
    CacheStatistics Cache);
