namespace Appliance.Engine.PoolLimits;

/// <summary>
/// One pool's cap and queue on this node (HAProxy's <c>maxconn</c> and <c>timeout queue</c>): at
/// most the cap of requests hold a slot, the next ones wait first in, first out, in a bounded queue,
/// and a freed slot goes straight to the oldest waiter. The gate outlives revisions: a new revision
/// with other limits changes them in place (<see cref="Apply"/>), so the requests in flight stay
/// counted and the new cap is measured against them; one with the same limits changes nothing.
/// </summary>
internal sealed class PoolGate
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private readonly TimeProvider _time;
    private PoolLimit _limit;
    private long _revision;
    private int _active;

    public PoolGate(PoolLimit limit, long revision, TimeProvider time)
    {
        _limit = limit;
        _revision = revision;
        _time = time;
    }

    /// <summary>The limits in force: those of the newest revision that reached the gate.</summary>
    public PoolLimit Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    /// <summary>Requests holding a slot now.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>Requests waiting for a slot now.</summary>
    public int Queued
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="limit"/> when it comes from a newer revision than the gate's. A request
    /// of an older revision, in flight across a reload, goes by the newer limits instead.
    /// </summary>
    public void Apply(PoolLimit limit, long revision)
    {
        lock (_lock)
        {
            if (revision <= _revision)
            {
                return;
            }

            _revision = revision;
            if (limit == _limit)
            {
                return;
            }

            _limit = limit;

            // A higher cap lets waiters in now rather than at the next release.
            while (_active < _limit.MaxConcurrentRequests && _waiting.First is { } first)
            {
                _waiting.RemoveFirst();
                _active++;
                first.Value.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Waits for a slot: at once when one is free and nobody waits before, in the queue while it has
    /// room, until the queue's timeout or the client going away. Only <see cref="PoolGateOutcome.Entered"/>
    /// holds a slot, to be given back with <see cref="Exit"/>.
    /// </summary>
    public async ValueTask<PoolGateOutcome> EnterAsync(CancellationToken clientGone)
    {
        LinkedListNode<TaskCompletionSource> place;
        TimeSpan timeout;
        lock (_lock)
        {
            if (_active < _limit.MaxConcurrentRequests && _waiting.Count == 0)
            {
                _active++;
                return PoolGateOutcome.Entered;
            }

            if (_waiting.Count >= _limit.QueueLength)
            {
                return PoolGateOutcome.QueueFull;
            }

            // Continuations run apart: the releasing request must not run the waiter's whole proxying inline.
            place = _waiting.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            timeout = _limit.QueueTimeout;
        }

        try
        {
            await place.Value.Task.WaitAsync(timeout, _time, clientGone).ConfigureAwait(false);
            return PoolGateOutcome.Entered;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            lock (_lock)
            {
                if (place.List is not null)
                {
                    _waiting.Remove(place);
                    return clientGone.IsCancellationRequested ? PoolGateOutcome.ClientGone : PoolGateOutcome.QueueTimeout;
                }
            }

            // A slot was handed over just as the wait ended: a client still there takes it, one gone passes it on.
            if (!clientGone.IsCancellationRequested)
            {
                return PoolGateOutcome.Entered;
            }

            Exit();
            return PoolGateOutcome.ClientGone;
        }
    }

    /// <summary>Gives a slot back: to the oldest waiter, unless a lowered cap still has too many in flight.</summary>
    public void Exit()
    {
        lock (_lock)
        {
            if (_active <= _limit.MaxConcurrentRequests && _waiting.First is { } first)
            {
                // The slot changes hands: the count of requests holding one stays the same.
                _waiting.RemoveFirst();
                first.Value.TrySetResult();
                return;
            }

            _active--;
        }
    }
}
