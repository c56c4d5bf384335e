using System.Collections.Concurrent;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// Counts each client's matching answers per rule in a fixed window that opens with the first one,
/// bounded by <see cref="BanOptions.MaxTrackedAddresses"/>: when full, closed windows are swept, and
/// while it stays full new clients go uncounted (those already counted still are), so a flood from
/// many addresses cannot grow memory. Counts are this node's own.
/// </summary>
public sealed class BanCounter(BanOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Rule, BanKey Key), Window> _windows = new();
    private int _tracked;

    /// <summary>How many (rule, client) windows are held.</summary>
    public int Tracked => Volatile.Read(ref _tracked);

    /// <summary>Counts one matching answer of <paramref name="key"/> for <paramref name="rule"/>; the count in the current window, or 0 when it could not be counted.</summary>
    internal int Hit(CompiledBanRule rule, BanKey key)
    {
        var now = time.GetTimestamp();
        if (!_windows.TryGetValue((rule.Name, key), out var window))
        {
            if (Volatile.Read(ref _tracked) >= options.MaxTrackedAddresses && Sweep(now) == 0)
            {
                return 0;
            }

            window = new Window(now);
            if (_windows.TryAdd((rule.Name, key), window))
            {
                Interlocked.Increment(ref _tracked);
            }
            else if (!_windows.TryGetValue((rule.Name, key), out window))
            {
                return 0;
            }
        }

        var windowTicks = (long)(rule.Window.TotalSeconds * time.TimestampFrequency);
        lock (window)
        {
            if (now - window.Start >= windowTicks)
            {
                window.Start = now;
                window.Count = 0;
            }

            window.WindowTicks = windowTicks;
            return ++window.Count;
        }
    }

    /// <summary>Forgets what <paramref name="key"/> has been counted for <paramref name="rule"/>: the ban it led to starts it afresh.</summary>
    public void Forget(string rule, BanKey key)
    {
        if (_windows.TryRemove((rule, key), out _))
        {
            Interlocked.Decrement(ref _tracked);
        }
    }

    /// <summary>Forgets everything counted for <paramref name="key"/>: an unbanned client starts afresh. A scan, for a rare operator action.</summary>
    public void ForgetAll(BanKey key)
    {
        foreach (var id in _windows.Keys)
        {
            if (id.Key == key && _windows.TryRemove(id, out _))
            {
                Interlocked.Decrement(ref _tracked);
            }
        }
    }

    /// <summary>Drops the windows that have closed; how many went.</summary>
    public int Sweep() => Sweep(time.GetTimestamp());

    private int Sweep(long now)
    {
        var removed = 0;
        foreach (var (id, window) in _windows)
        {
            bool closed;
            lock (window)
            {
                closed = now - window.Start >= window.WindowTicks;
            }

            if (closed && _windows.TryRemove(id, out _))
            {
                Interlocked.Decrement(ref _tracked);
                removed++;
            }
        }

        return removed;
    }

    private sealed class Window(long start)
    {
        public long Start = start;
        public int Count;
        public long WindowTicks = long.MaxValue;
    }
}
