namespace Appliance.Data.Cluster;

/// <summary>
/// A lease this node holds while its work runs: renewed at a third of its time to live, so work
/// that takes minutes keeps it, and released when disposed. <see cref="Lost"/> is cancelled when
/// a renewal finds that another node took it over (this node was too slow), and also when
/// renewals have failed for so long that the lease is about to lapse (this node is cut off from
/// the database): the work must stop before another node may take the lease and start it again.
/// </summary>
public sealed class HeldLease : IAsyncDisposable
{
    private readonly LeaseStore _leases;
    private readonly string _name;
    private readonly string _owner;
    private readonly TimeSpan _ttl;
    private readonly CancellationTokenSource _lost;
    private readonly CancellationTokenSource _done = new();
    private readonly Task _renewing;

    // When the lease lapses as far as this node knows: its acquisition or last renewal plus the TTL.
    private DateTimeOffset _heldUntil;

    private HeldLease(LeaseStore leases, string name, string owner, TimeSpan ttl, TimeProvider time, CancellationToken cancellationToken)
    {
        _leases = leases;
        _name = name;
        _owner = owner;
        _ttl = ttl;
        _heldUntil = time.GetUtcNow() + ttl;
        _lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _renewing = RenewAsync(time);
    }

    /// <summary>Cancelled when the lease is lost or the caller's token is.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Takes the lease and starts renewing it, or returns null when another node holds it.</summary>
    public static async Task<HeldLease?> TryTakeAsync(
        LeaseStore leases, string name, string owner, TimeSpan ttl, TimeProvider time, CancellationToken cancellationToken) =>
        await leases.TryAcquireAsync(name, owner, ttl, cancellationToken)
            ? new HeldLease(leases, name, owner, ttl, time, cancellationToken)
            : null;

    public async ValueTask DisposeAsync()
    {
        await _done.CancelAsync();
        await _renewing;
        try
        {
            // If the database is away now, the caller hears of it; the lease lapses on its own.
            await _leases.ReleaseAsync(_name, _owner, CancellationToken.None);
        }
        finally
        {
            _done.Dispose();
            _lost.Dispose();
        }
    }

    private async Task RenewAsync(TimeProvider time)
    {
        while (!_done.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_ttl / 3, time, _done.Token);
                var renewedAt = time.GetUtcNow();
                if (!await _leases.RenewAsync(_name, _owner, _ttl, _done.Token))
                {
                    await _lost.CancelAsync();
                    return;
                }

                _heldUntil = renewedAt + _ttl;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception)
            {
                // The database is away: the lease lives on until it lapses, and the next renewal
                // tells whether it survived. Unless the next attempt would come too late: then the
                // work stops now, while the lease is still this node's.
                if (time.GetUtcNow() + (_ttl / 3) >= _heldUntil)
                {
                    await _lost.CancelAsync();
                    return;
                }
            }
        }
    }
}
