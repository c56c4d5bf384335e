using System.Collections.Concurrent;
using System.Net;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// Counts wrong basic-auth credentials per client address in a fixed window; an address that
/// reaches the limit is blocked for a while on every route that asks for basic auth. Tracking is
/// bounded: past <see cref="MaxTracked"/> addresses, finished windows are swept out, and if none
/// can go a newcomer is not counted (the bound on concurrent hashes still holds the CPU).
/// </summary>
internal sealed class BasicAuthThrottle(BasicAuthOptions options, TimeProvider time)
{
    public const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<IPAddress, Window> _windows = new();
    private readonly TimeSpan _window = TimeSpan.FromSeconds(options.FailureWindowSeconds);
    private readonly TimeSpan _block = TimeSpan.FromSeconds(options.BlockSeconds);

    /// <summary>Addresses tracked now.</summary>
    public int Tracked => _windows.Count;

    /// <summary>True while <paramref name="client"/> is blocked, with the time left.</summary>
    public bool IsBlocked(IPAddress client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (options.MaxFailures == 0 || !_windows.TryGetValue(client, out var window))
        {
            return false;
        }

        lock (window)
        {
            retryAfter = window.BlockedUntil - time.GetUtcNow();
            return retryAfter > TimeSpan.Zero;
        }
    }

    /// <summary>Counts one wrong credential; true when it reaches the limit and the address is now blocked.</summary>
    public bool RecordFailure(IPAddress client)
    {
        if (options.MaxFailures == 0)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (!_windows.TryGetValue(client, out var window))
        {
            if (_windows.Count >= MaxTracked)
            {
                Sweep(now);
                if (_windows.Count >= MaxTracked)
                {
                    return false;
                }
            }

            window = _windows.GetOrAdd(client, _ => new Window(now));
        }

        lock (window)
        {
            if (now - window.Started >= _window)
            {
                window.Started = now;
                window.Failures = 0;
            }

            if (++window.Failures < options.MaxFailures)
            {
                return false;
            }

            window.Failures = 0;
            window.BlockedUntil = now + _block;
            return true;
        }
    }

    // Windows that are over and not blocking hold nothing worth keeping.
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (address, window) in _windows)
        {
            lock (window)
            {
                if (window.BlockedUntil <= now && now - window.Started >= _window)
                {
                    _windows.TryRemove(address, out _);
                }
            }
        }
    }

    private sealed class Window(DateTimeOffset started)
    {
        public DateTimeOffset Started { get; set; } = started;
        public int Failures { get; set; }
        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
