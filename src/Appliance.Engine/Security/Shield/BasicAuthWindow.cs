namespace Appliance.Engine.Security.Shield;

/// <summary>
/// One client key's password checks (<see cref="BasicAuthThrottle"/>): the attempts counted in the
/// current window, the block they led to, and the gate that lets one check run at a time. Read and
/// written under its own lock, the gate aside.
/// </summary>
internal sealed class BasicAuthWindow(DateTimeOffset started)
{
    /// <summary>Held by the one request of this key whose password is being checked.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public DateTimeOffset Started { get; set; } = started;

    /// <summary>Wrong credentials in this window, plus the attempt in progress until it is forgiven.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Requests holding or waiting for <see cref="Gate"/>; a window in use is never swept.</summary>
    public int Users { get; set; }

    /// <summary>Taken out of the table: a request that still finds it looks the key up again.</summary>
    public bool Removed { get; set; }

    /// <summary>Whether this window holds anything worth keeping at <paramref name="now"/> once nobody uses it.</summary>
    public bool IsIdle(DateTimeOffset now, TimeSpan window) =>
        Users == 0 && BlockedUntil <= now && (Attempts == 0 || now - Started >= window);
}
