namespace Appliance.Engine.Uptime;

/// <summary>This node's current run of the uptime history, once the writer has recorded its start.</summary>
public sealed class UptimeRun
{
    private long _sessionId;

    /// <summary>The run's id, or null while its start is not in the database yet.</summary>
    public long? SessionId => Interlocked.Read(ref _sessionId) is > 0 and var id ? id : null;

    internal void Started(long sessionId) => Interlocked.Exchange(ref _sessionId, sessionId);
}
