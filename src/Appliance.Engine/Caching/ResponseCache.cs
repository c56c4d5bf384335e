using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Caching;

/// <summary>
/// The in-memory store: entries by URL key and by the values of the request headers they vary on,
/// bounded by <see cref="CacheOptions.MaxSizeBytes"/> with least-recently-used eviction. One lock
/// guards the maps and the recency list; bodies are never copied under it.
/// </summary>
public sealed class ResponseCache(CacheOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, UrlEntries> _urls = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedResponse> _recency = new();

    // Entries per host as keys spell it (authority, lower case), changed under the lock and read without
    // it: a successful unsafe request on a host with nothing stored skips invalidation at this cost.
    private readonly ConcurrentDictionary<string, int> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private long _entries;
    private long _bytes;
    private long _hits;
    private long _misses;
    private long _evictions;
    private long _stores;

    public CacheStatistics Statistics()
    {
        lock (_lock)
        {
            return new CacheStatistics(_entries, _bytes, options.MaxSizeBytes, Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), _evictions, _stores);
        }
    }

    /// <summary>Removes every variant stored for one URL key; returns how many entries went.</summary>
    public int PurgeUrl(string key)
    {
        lock (_lock)
        {
            return RemoveUrl(key);
        }
    }

    /// <summary>Removes every entry whose URL key starts with <paramref name="prefix"/>.</summary>
    public int PurgePrefix(string prefix)
    {
        lock (_lock)
        {
            return _urls.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray().Sum(RemoveUrl);
        }
    }

    public int PurgeAll()
    {
        lock (_lock)
        {
            return _urls.Keys.ToArray().Sum(RemoveUrl);
        }
    }

    /// <summary>
    /// Whether any entry is stored under <paramref name="host"/> (a Host header value, port included),
    /// through any route: keys name scheme, host and path, not the route that stored them.
    /// </summary>
    internal bool HoldsAnyFor(string host) => !_hosts.IsEmpty && _hosts.ContainsKey(host);

    /// <summary>The variant stored for this request, if any; <paramref name="urlStored"/> says whether any was stored for its URL.</summary>
    internal CachedResponse? Lookup(string key, HttpRequest request, out bool urlStored)
    {
        lock (_lock)
        {
            urlStored = _urls.TryGetValue(key, out var url);
            if (url is not null && url.Variants.TryGetValue(CacheVariants.KeyOf(url.VaryHeaders, request.Headers), out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value;
            }

            return null;
        }
    }

    /// <summary>Removes one entry, if it is still the one stored for its URL and variant.</summary>
    internal void Remove(CachedResponse response)
    {
        lock (_lock)
        {
            if (_urls.TryGetValue(response.Key, out var url) && url.Variants.TryGetValue(response.VaryKey, out var node) && ReferenceEquals(node.Value, response))
            {
                url.Variants.Remove(response.VaryKey);
                Unlink(node);
                if (url.Variants.Count == 0)
                {
                    _urls.Remove(response.Key);
                }
            }
        }
    }

    internal void CountHit() => Interlocked.Increment(ref _hits);

    internal void CountMiss() => Interlocked.Increment(ref _misses);

    internal void Store(CachedResponse response)
    {
        var size = response.Size;
        if (size > options.MaxSizeBytes)
        {
            return;
        }

        lock (_lock)
        {
            // A response that varies on other headers replaces every variant stored under the old ones.
            if (_urls.TryGetValue(response.Key, out var url) && !url.VaryHeaders.SequenceEqual(response.VaryHeaders))
            {
                RemoveUrl(response.Key);
                url = null;
            }

            if (url is null)
            {
                url = new UrlEntries(response.VaryHeaders);
                _urls[response.Key] = url;
            }

            if (url.Variants.Remove(response.VaryKey, out var old))
            {
                Unlink(old);
            }

            response.AccountedSize = size;
            url.Variants[response.VaryKey] = _recency.AddFirst(response);
            _entries++;
            CountHost(response.Key, 1);
            _bytes += size;
            _stores++;
            EvictOverBound();
        }
    }

    /// <summary>Accounts for a compressed variant added to an entry after it was stored.</summary>
    internal void Grew(CachedResponse response, long bytes)
    {
        lock (_lock)
        {
            if (_urls.TryGetValue(response.Key, out var url) && url.Variants.TryGetValue(response.VaryKey, out var node) && ReferenceEquals(node.Value, response))
            {
                response.AccountedSize += bytes;
                _bytes += bytes;
                EvictOverBound();
            }
        }
    }

    private int RemoveUrl(string key)
    {
        if (!_urls.Remove(key, out var url))
        {
            return 0;
        }

        foreach (var node in url.Variants.Values)
        {
            Unlink(node);
        }

        return url.Variants.Count;
    }

    private void Unlink(LinkedListNode<CachedResponse> node)
    {
        _recency.Remove(node);
        _entries--;
        CountHost(node.Value.Key, -1);
        _bytes -= node.Value.AccountedSize;
    }

    private void CountHost(string key, int change)
    {
        var hosts = _hosts.GetAlternateLookup<ReadOnlySpan<char>>();
        var host = CacheKeys.HostOf(key);
        var count = (hosts.TryGetValue(host, out var held) ? held : 0) + change;
        if (count > 0)
        {
            hosts[host] = count;
        }
        else
        {
            hosts.TryRemove(host, out _);
        }
    }

    private void EvictOverBound()
    {
        while (_bytes > options.MaxSizeBytes && _recency.Last is { } oldest)
        {
            var response = oldest.Value;
            var url = _urls[response.Key];
            url.Variants.Remove(response.VaryKey);
            Unlink(oldest);
            _evictions++;
            if (url.Variants.Count == 0)
            {
                _urls.Remove(response.Key);
            }
        }
    }

    private sealed class UrlEntries(IReadOnlyList<string> varyHeaders)
    {
        public IReadOnlyList<string> VaryHeaders { get; } = varyHeaders;
        public Dictionary<string, LinkedListNode<CachedResponse>> Variants { get; } = new(StringComparer.Ordinal);
    }
}
