namespace Appliance.Engine.Metrics;

/// <summary>Client connections to the data plane: open now and accepted since start.</summary>
public sealed class ConnectionCounter
{
    private long _open;
    private long _accepted;

    /// <summary>Connections open at this moment.</summary>
    public long Open => Interlocked.Read(ref _open);

    /// <summary>Connections accepted since start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    internal void Opened()
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _open);
    }

    internal void Closed() => Interlocked.Decrement(ref _open);
}
