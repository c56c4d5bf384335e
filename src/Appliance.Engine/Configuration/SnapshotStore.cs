namespace Appliance.Engine.Configuration;

/// <summary>
/// Holds the live snapshot. Readers take <see cref="Current"/> once per request and keep that
/// object for the whole request, so a swap never mixes two configurations in one request.
/// </summary>
public sealed class SnapshotStore
{
    private ProxySnapshot _current = ProxySnapshot.Empty;
    private long _appliedRevision = ProxySnapshot.Empty.Revision;

    /// <summary>The live snapshot.</summary>
    internal ProxySnapshot Current => Volatile.Read(ref _current);

    /// <summary>
    /// The revision YARP has finished applying: its routes are matched and its clusters balanced.
    /// It trails <see cref="Current"/> by the milliseconds YARP takes to rebuild its endpoints.
    /// </summary>
    public long AppliedRevision => Interlocked.Read(ref _appliedRevision);

    /// <summary>Records that YARP serves <paramref name="revision"/>.</summary>
    internal void MarkApplied(long revision) => Interlocked.Exchange(ref _appliedRevision, revision);

    /// <summary>Raised after a new snapshot was swapped in, before YARP applies it.</summary>
    internal event Action<ProxySnapshot>? Swapped;

    /// <summary>Makes <paramref name="snapshot"/> the live one.</summary>
    internal void Swap(ProxySnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        Swapped?.Invoke(snapshot);
    }
}
