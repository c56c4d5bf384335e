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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<System.Net.IPAddress, int> _perAddress = new();

    /// <summary>Addresses with a connection open now (bounded by the open connections themselves).</summary>
    public int Addresses => _perAddress.Count;

    internal void Opened()
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _open);
    }

    internal void Closed() => Interlocked.Decrement(ref _open);

    /// <summary>Counts a connection from <paramref name="address"/>; false (and nothing counted) when it already holds <paramref name="cap"/>.</summary>
    internal bool TryOpenFrom(System.Net.IPAddress address, int cap)
    {
        while (true)
        {
            var current = _perAddress.GetOrAdd(address, 0);
            if (current >= cap)
            {
                return false;
            }

            if (_perAddress.TryUpdate(address, current + 1, current))
            {
                return true;
            }
        }
    }

    internal void ClosedFrom(System.Net.IPAddress address)
    {
        while (_perAddress.TryGetValue(address, out var current))
        {
            if (current <= 1 ? _perAddress.TryRemove(new KeyValuePair<System.Net.IPAddress, int>(address, current)) : _perAddress.TryUpdate(address, current - 1, current))
            {
                return;
            }
        }
    }
}
