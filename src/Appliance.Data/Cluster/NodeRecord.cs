namespace Appliance.Data.Cluster;

/// <summary>
/// One node's row as its last heartbeat left it. <see cref="Report"/> is the node's own JSON summary
/// (backend health as its probes see it, its cache figures): the registry stores it as written and
/// never reads into it, so the engine can grow it without a migration.
/// </summary>
public sealed record NodeRecord(
    string Name,
    IReadOnlyList<string> Addresses,
    string Version,
    long AppliedRevision,
    DateTimeOffset StartedAt,
    DateTimeOffset LastSeenAt,
    string Report);
