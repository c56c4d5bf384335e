namespace Appliance.Engine.Cluster;

/// <summary>Heartbeats this node could not write (database unreachable), for <c>/metrics</c>: the log says so only once per outage.</summary>
public sealed class HeartbeatCounter
{
    private long _failed;

    private long _nameClashes;

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Heartbeats that found this node's row written by another process of the same name.</summary>
    public long NameClashes => Interlocked.Read(ref _nameClashes);

    internal void CountFailure() => Interlocked.Increment(ref _failed);

    internal void CountNameClash() => Interlocked.Increment(ref _nameClashes);
}
