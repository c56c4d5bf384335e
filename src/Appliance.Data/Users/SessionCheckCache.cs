using System.Collections.Concurrent;

namespace Appliance.Data.Users;

/// <summary>
/// Session checks that succeeded, remembered for <see cref="Lifetime"/> per session id and security
/// stamp, so that the admin site's requests (pages, static assets, the Blazor hub) do not each read
/// the database. On this node a change that ends sessions (a new stamp, a deleted user, a sign-out)
/// calls <see cref="Invalidate"/> and takes effect at once; another node on the same database sees it
/// within <see cref="Lifetime"/>.
/// </summary>
public sealed class SessionCheckCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>More sessions checked within one lifetime than this and the cache starts afresh.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string SessionId, string Stamp), (SessionUser User, DateTimeOffset ExpiresAt, long Generation)> _entries = new();
    private long _generation;

    /// <summary>
    /// Read before the database is asked, and handed to <see cref="Remember"/>: an answer read before
    /// an invalidation is never served after it, however the two interleave.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The user of a session checked less than <see cref="Lifetime"/> ago and not invalidated since, or null.</summary>
    public SessionUser? Find(string sessionId, string stamp)
    {
        if (!_entries.TryGetValue((sessionId, stamp), out var entry))
        {
            return null;
        }

        if (entry.Generation != Generation || time.GetUtcNow() >= entry.ExpiresAt)
        {
            _entries.TryRemove(KeyValuePair.Create((sessionId, stamp), entry));
            return null;
        }

        return entry.User;
    }

    /// <summary>Remembers a successful check whose database read began at <paramref name="generation"/>.</summary>
    public void Remember(string sessionId, string stamp, SessionUser user, long generation)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(sessionId, stamp)] = (user, time.GetUtcNow() + Lifetime, generation);
    }

    /// <summary>Forgets every check: some session may have ended.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
