namespace Appliance.Engine.Configuration;

/// <summary>
/// Whether this node can read its configuration database, as the refresher last found it: the
/// dashboard says so while it cannot. Shared by both planes; written by <see cref="SnapshotRefresher"/> only.
/// </summary>
public sealed class ConfigurationSourceStatus
{
    private DateTimeOffset? _unreachableSince;

    /// <summary>When the refresher first failed to reach the database in the current outage; null while it reaches it.</summary>
    public DateTimeOffset? UnreachableSince => _unreachableSince;

    internal void Unreachable(DateTimeOffset now) => _unreachableSince ??= now;

    internal void Reachable() => _unreachableSince = null;
}
