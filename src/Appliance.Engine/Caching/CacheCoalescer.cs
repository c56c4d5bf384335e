using System.Collections.Concurrent;

namespace Appliance.Engine.Caching;

/// <summary>
/// One origin request per key at a time: the first miss fetches, the others wait for its outcome
/// (the stored entry, or null when nothing was stored and they must fetch themselves).
/// </summary>
internal sealed class CacheCoalescer
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CachedResponse?>> _fetches = new(StringComparer.Ordinal);

    /// <summary>
    /// True when the caller is to fetch, and then must <see cref="Complete"/> <paramref name="pending"/>;
    /// otherwise <paramref name="pending"/> completes with the fetcher's outcome.
    /// </summary>
    public bool TryLead(string key, out Task<CachedResponse?> pending)
    {
        var mine = new TaskCompletionSource<CachedResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _fetches.GetOrAdd(key, mine);
        pending = current.Task;
        return ReferenceEquals(current, mine);
    }

    /// <summary>
    /// Ends the fetch <paramref name="led"/> with <paramref name="outcome"/>. Only once: a leader releases
    /// its waiters as soon as it has stored, and again in a finally for the paths that store nothing;
    /// by then a newer miss may lead another fetch of the same key, which must be left alone.
    /// </summary>
    public void Complete(string key, Task<CachedResponse?> led, CachedResponse? outcome)
    {
        if (_fetches.TryGetValue(key, out var fetch) && fetch.Task == led && _fetches.TryRemove(new KeyValuePair<string, TaskCompletionSource<CachedResponse?>>(key, fetch)))
        {
            fetch.TrySetResult(outcome);
        }
    }
}
