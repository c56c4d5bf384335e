using System.Collections.Concurrent;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// The bans and unbans this node made that other nodes have yet to learn of, in order, for
/// <see cref="BanSync"/> to write to Redis. Bounded: while Redis is away for long, the oldest
/// changes go (this node still enforces them itself). Without Redis nothing is queued.
/// </summary>
public sealed class BanChangeQueue(Appliance.Data.Bans.SharedBanStore shared)
{
    private const int Capacity = 10_000;

    private readonly ConcurrentQueue<BanChange> _changes = new();
    private readonly SemaphoreSlim _wake = new(0, 1);

    private bool Enabled => shared.IsEnabled;

    internal int Count => _changes.Count;

    internal void Enqueue(BanChange change)
    {
        if (!Enabled)
        {
            return;
        }

        _changes.Enqueue(change);
        while (_changes.Count > Capacity)
        {
            _changes.TryDequeue(out _);
        }

        // Woken at once: a ban made here holds on the other nodes within their next poll.
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another change woke it already.
            }
        }
    }

    internal bool TryPeek(out BanChange change) => _changes.TryPeek(out change!);

    internal bool TryDequeue() => _changes.TryDequeue(out _);

    /// <summary>The changes still waiting, oldest first.</summary>
    internal IReadOnlyList<BanChange> Pending() => _changes.ToArray();

    /// <summary>Waits until a change is queued or <paramref name="timeout"/> passes.</summary>
    internal Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
