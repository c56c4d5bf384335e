namespace Appliance.Engine.Cluster;

/// <summary>Heartbeats this node could not write (database unreachable), for <c>/metrics</c>: the log says so only once per outage.</summary>
public sealed class HeartbeatCounter
{
    private long _failed;

    public long Failed => Interlocked.Read(ref _failed);

    internal void CountFailure() => Interlocked.Increment(ref _failed);
}
