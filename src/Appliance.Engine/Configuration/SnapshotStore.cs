namespace Appliance.Engine.Configuration;

/// <summary>
/// Holds the live snapshot. Readers take <see cref="Current"/> once per request and keep that
/// object for the whole request, so a swap never mixes two configurations in one request.
/// </summary>
public sealed class SnapshotStore
{
    private ProxySnapshot _current = ProxySnapshot.Empty;

    /// <summary>The live snapshot.</summary>
    public ProxySnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after a new snapshot went live.</summary>
    public event Action<ProxySnapshot>? Swapped;

    /// <summary>Makes <paramref name="snapshot"/> the live one.</summary>
    public void Swap(ProxySnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        Swapped?.Invoke(snapshot);
    }
}
