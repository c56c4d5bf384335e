using System.Collections.Concurrent;

namespace Appliance.Engine.Caching;

/// <summary>
/// One origin request per key at a time: the first miss fetches, the others wait for its outcome
/// (the stored entry, or null when nothing was stored and they must fetch themselves).
/// </summary>
internal sealed class CacheCoalescer
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CachedResponse?>> _fetches = new(StringComparer.Ordinal);

    /// <summary>True when the caller is to fetch; otherwise <paramref name="pending"/> completes with the fetcher's outcome.</summary>
    public bool TryLead(string key, out Task<CachedResponse?> pending)
    {
        var mine = new TaskCompletionSource<CachedResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _fetches.GetOrAdd(key, mine);
        pending = current.Task;
        return ReferenceEquals(current, mine);
    }

    public void Complete(string key, CachedResponse? outcome)
    {
        if (_fetches.TryRemove(key, out var fetch))
        {
            fetch.TrySetResult(outcome);
        }
    }
}
