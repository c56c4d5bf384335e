using System.Collections.Concurrent;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// Counts wrong basic-auth credentials per client key (<see cref="Appliance.Data.Networking.AddressKeys.ThrottleKey"/>:
/// an IPv4 address, or an IPv6 /64) in a fixed window; a key that reaches the limit is blocked for a
/// while on every route that asks for basic auth. A key has one password checked at a time: its other
/// requests wait for their turn, so a flood from one address neither fills every hashing slot nor
/// gets more hashes than its limit. Tracking is bounded: past <see cref="MaxTracked"/> keys, idle
/// windows are swept out, and if none can go a newcomer is neither counted nor queued (the bound on
/// concurrent hashes still holds the CPU).
/// </summary>
internal sealed class BasicAuthThrottle(BasicAuthOptions options, TimeProvider time)
{
    public const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, BasicAuthWindow> _windows = new(StringComparer.Ordinal);
    private readonly TimeSpan _window = TimeSpan.FromSeconds(options.FailureWindowSeconds);
    private readonly TimeSpan _block = TimeSpan.FromSeconds(options.BlockSeconds);

    /// <summary>Keys tracked now: those with counted failures, a block, or a check under way.</summary>
    public int Tracked => _windows.Count;

    /// <summary>True while <paramref name="key"/> is blocked, with the time left.</summary>
    public bool IsBlocked(string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_windows.TryGetValue(key, out var window))
        {
            return false;
        }

        lock (window)
        {
            retryAfter = window.BlockedUntil - time.GetUtcNow();
            return retryAfter > TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Waits up to <paramref name="wait"/> for <paramref name="key"/>'s turn to have a password
    /// checked; null when the wait ran out (the key's other requests are being checked).
    /// </summary>
    public async ValueTask<BasicAuthTurn?> TakeTurnAsync(string key, TimeSpan wait, CancellationToken cancellationToken)
    {
        var window = Enter(key);
        if (window is null)
        {
            return new BasicAuthTurn(this, key, null);
        }

        var entered = false;
        try
        {
            entered = await window.Gate.WaitAsync(wait, cancellationToken);
        }
        finally
        {
            if (!entered)
            {
                Leave(key, window);
            }
        }

        return entered ? new BasicAuthTurn(this, key, window) : null;
    }

    /// <summary>Counts an attempt before its hash is paid; false, with the time left, when the key is blocked.</summary>
    internal bool Begin(BasicAuthWindow window, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (window)
        {
            retryAfter = window.BlockedUntil - now;
            if (retryAfter > TimeSpan.Zero)
            {
                return false;
            }

            if (now - window.Started >= _window)
            {
                window.Started = now;
                window.Attempts = 0;
            }

            window.Attempts++;
            return true;
        }
    }

    /// <summary>The attempt was wrong; reaching the limit blocks the key and starts it afresh after.</summary>
    internal void Fail(BasicAuthWindow window)
    {
        if (options.MaxFailures == 0)
        {
            Forgive(window);
            return;
        }

        var now = time.GetUtcNow();
        lock (window)
        {
            if (window.Attempts >= options.MaxFailures)
            {
                window.Attempts = 0;
                window.BlockedUntil = now + _block;
            }
        }
    }

    /// <summary>Blocks the window's key for at least <paramref name="duration"/> (a block learnt from the other nodes).</summary>
    internal void Block(BasicAuthWindow window, TimeSpan duration)
    {
        var until = time.GetUtcNow() + duration;
        lock (window)
        {
            if (until > window.BlockedUntil)
            {
                window.BlockedUntil = until;
            }
        }
    }

    /// <summary>The attempt was right, or never checked: it no longer counts.</summary>
    internal void Forgive(BasicAuthWindow window)
    {
        lock (window)
        {
            window.Attempts = Math.Max(0, window.Attempts - 1);
        }
    }

    internal void EndTurn(string key, BasicAuthWindow window)
    {
        window.Gate.Release();
        Leave(key, window);
    }

    // The key's window with this request counted as a user, or null when the table is full.
    private BasicAuthWindow? Enter(string key)
    {
        while (true)
        {
            if (!_windows.TryGetValue(key, out var window))
            {
                if (_windows.Count >= MaxTracked)
                {
                    Sweep(time.GetUtcNow());
                    if (_windows.Count >= MaxTracked)
                    {
                        return null;
                    }
                }

                window = _windows.GetOrAdd(key, _ => new BasicAuthWindow(time.GetUtcNow()));
            }

            lock (window)
            {
                // Swept between the lookup and the lock: look again, so a key never has two gates.
                if (!window.Removed)
                {
                    window.Users++;
                    return window;
                }
            }
        }
    }

    // A window nobody uses that holds no failure and no block goes at once: a right password leaves nothing behind.
    private void Leave(string key, BasicAuthWindow window)
    {
        lock (window)
        {
            window.Users--;
            if (window.IsIdle(time.GetUtcNow(), _window) && window.Attempts == 0)
            {
                Remove(key, window);
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            lock (window)
            {
                if (window.IsIdle(now, _window))
                {
                    Remove(key, window);
                }
            }
        }
    }

    // Under the window's lock.
    private void Remove(string key, BasicAuthWindow window)
    {
        window.Removed = true;
        _windows.TryRemove(new KeyValuePair<string, BasicAuthWindow>(key, window));
    }
}
