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

    private readonly Tally<System.Net.IPAddress> _perAddress = new();

    /// <summary>Addresses with a connection open now (bounded by the open connections themselves).</summary>
    public int Addresses => _perAddress.Keys;

    /// <summary>Counts a connection opened; false (and nothing counted) when <paramref name="max"/> are open already.</summary>
    internal bool TryOpen(long max)
    {
        if (Interlocked.Increment(ref _open) > max)
        {
            Interlocked.Decrement(ref _open);
            return false;
        }

        Interlocked.Increment(ref _accepted);
        return true;
    }

    internal void Closed() => Interlocked.Decrement(ref _open);

    /// <summary>Counts a connection from <paramref name="address"/>; false (and nothing counted) when it already holds <paramref name="cap"/>.</summary>
    internal bool TryOpenFrom(System.Net.IPAddress address, int cap) => _perAddress.TryAdd(address, cap);

    internal void ClosedFrom(System.Net.IPAddress address) => _perAddress.Remove(address);
}
