using System.Collections.Concurrent;
using Appliance.Engine.Caching.Disk;
using Appliance.Engine.Caching.Visibility;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Caching;

/// <summary>
/// The in-memory store: entries by URL key and by the values of the request headers they vary on,
/// bounded by <see cref="CacheOptions.MaxSizeBytes"/> with least-recently-used eviction. One lock
/// guards the maps and the recency list; bodies are never copied under it. With a disk tier
/// (<see cref="DiskCacheStore"/>), large objects go to disk, evicted ones are demoted to it, and
/// small ones found there come back to memory.
/// </summary>
public sealed class ResponseCache(CacheOptions options, DiskCacheStore? disk = null)
{
    private readonly DiskCacheStore _disk = disk ?? new DiskCacheStore(new CacheOptions());

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

    /// <summary>The disk tier (off unless <see cref="CacheOptions.DiskPath"/> is set).</summary>
    public DiskCacheStore Disk => _disk;

    /// <summary>Hits and misses by cache rule.</summary>
    public CacheRuleCounters Rules { get; } = new();

    public CacheStatistics Statistics()
    {
        lock (_lock)
        {
            return new CacheStatistics(_entries, _bytes, options.MaxSizeBytes, Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), _evictions, _stores);
        }
    }

    /// <summary>Removes every variant stored for one URL key, in both tiers; returns how many entries went.</summary>
    public int PurgeUrl(string key) => Locked(() => RemoveUrl(key)) + _disk.PurgeUrl(key);

    /// <summary>Removes every entry whose URL key starts with <paramref name="prefix"/>, in both tiers.</summary>
    public int PurgePrefix(string prefix) =>
        Locked(() => _urls.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray().Sum(RemoveUrl)) + _disk.PurgePrefix(prefix);

    public int PurgeAll() => Locked(() => _urls.Keys.ToArray().Sum(RemoveUrl)) + _disk.PurgeAll();

    /// <summary>
    /// Whether any entry is stored under <paramref name="host"/> (a Host header value, port included),
    /// through any route: keys name scheme, host and path, not the route that stored them.
    /// </summary>
    internal bool HoldsAnyFor(string host) => (!_hosts.IsEmpty && _hosts.ContainsKey(host)) || _disk.HoldsAnyFor(host);

    /// <summary>The variant stored for this request, if any; <paramref name="urlStored"/> says whether any was stored for its URL.</summary>
    internal CachedResponse? Lookup(string key, HttpRequest request, out bool urlStored) => Lookup(key, request, out urlStored, out _);

    /// <summary>
    /// The variant stored for this request in memory, else on disk (read back into memory when small, else
    /// left in its file, open until the request ends), and the tier it came from.
    /// </summary>
    internal CachedResponse? Lookup(string key, HttpRequest request, out bool urlStored, out CacheTier tier)
    {
        tier = CacheTier.Memory;
        lock (_lock)
        {
            urlStored = _urls.TryGetValue(key, out var url);
            if (url is not null && url.Variants.TryGetValue(CacheVariants.KeyOf(url.VaryHeaders, request.Headers), out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value;
            }
        }

        var onDisk = _disk.Lookup(key, request.Headers, out var urlOnDisk);
        var found = onDisk is null ? null : _disk.Open(onDisk, options.DiskThresholdBytes);
        if (found is null)
        {
            // A file dropped as corrupt was the URL's last, or not: the index says which now.
            urlStored |= onDisk is null ? urlOnDisk : _disk.Lookup(key, request.Headers, out urlOnDisk) is not null || urlOnDisk;
            return null;
        }

        tier = CacheTier.Disk;
        urlStored = true;
        if (found.BodyFile is { } file)
        {
            request.HttpContext.Response.RegisterForDispose(file.Handle);
        }
        else
        {
            found.DiskCopy = onDisk;
            Insert(found);
        }

        return found;
    }

    /// <summary>Removes one entry, if it is still the one stored for its URL and variant.</summary>
    internal void Remove(CachedResponse response)
    {
        if ((response.BodyFile?.Entry ?? response.DiskCopy) is { } file)
        {
            _disk.Drop(file, corrupt: false);
        }

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

    /// <summary>A hit under <paramref name="rule"/> answered with <paramref name="entry"/> from <paramref name="tier"/>.</summary>
    internal void CountHit(string rule, CachedResponse entry, CacheTier tier)
    {
        CountHit();
        Rules.CountHit(rule);
        if (tier == CacheTier.Disk && (entry.BodyFile?.Entry ?? entry.DiskCopy) is { } file)
        {
            _disk.CountHit(file);
        }
        else
        {
            Interlocked.Increment(ref entry.Hits);
        }
    }

    internal void CountMiss(string rule)
    {
        CountMiss();
        Rules.CountMiss(rule);
    }

    /// <summary>The entries in memory, most recently used first, for the Cache page's top objects.</summary>
    internal IReadOnlyList<CachedResponse> Snapshot()
    {
        lock (_lock)
        {
            return [.. _recency];
        }
    }

    internal void Store(CachedResponse response)
    {
        // Large objects live on disk only, when there is a disk; what they replace in memory goes.
        if (_disk.IsEnabled && response.BodyLength > options.DiskThresholdBytes)
        {
            lock (_lock)
            {
                RemoveVariant(response.Key, response.VaryKey);
            }

            _disk.Write(response);
            return;
        }

        _disk.Supersede(response);
        Insert(response);
    }

    // Into memory; what falls out of memory goes to disk unless its file is still there.
    private void Insert(CachedResponse response)
    {
        var size = response.Size;
        if (size > options.MaxSizeBytes)
        {
            _disk.Write(response);
            return;
        }

        List<CachedResponse> evicted;
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
            evicted = EvictOverBound();
        }

        Demote(evicted);
    }

    /// <summary>Accounts for a compressed variant added to an entry after it was stored.</summary>
    internal void Grew(CachedResponse response, long bytes)
    {
        List<CachedResponse> evicted = [];
        lock (_lock)
        {
            if (_urls.TryGetValue(response.Key, out var url) && url.Variants.TryGetValue(response.VaryKey, out var node) && ReferenceEquals(node.Value, response))
            {
                response.AccountedSize += bytes;
                _bytes += bytes;
                evicted = EvictOverBound();
            }
        }

        Demote(evicted);
    }

    private void Demote(List<CachedResponse> evicted)
    {
        foreach (var response in evicted)
        {
            if (_disk.IsEnabled && !(response.DiskCopy is { } copy && _disk.Holds(copy)))
            {
                _disk.Write(response);
            }
        }
    }

    private void RemoveVariant(string key, string varyKey)
    {
        if (_urls.TryGetValue(key, out var url) && url.Variants.Remove(varyKey, out var node))
        {
            Unlink(node);
            if (url.Variants.Count == 0)
            {
                _urls.Remove(key);
            }
        }
    }

    // Files are deleted outside the memory tier's lock: purges take one lock at a time.
    private int Locked(Func<int> change)
    {
        lock (_lock)
        {
            return change();
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

    private List<CachedResponse> EvictOverBound()
    {
        var evicted = new List<CachedResponse>();
        while (_bytes > options.MaxSizeBytes && _recency.Last is { } oldest)
        {
            var response = oldest.Value;
            var url = _urls[response.Key];
            url.Variants.Remove(response.VaryKey);
            Unlink(oldest);
            _evictions++;
            evicted.Add(response);
            if (url.Variants.Count == 0)
            {
                _urls.Remove(response.Key);
            }
        }

        return evicted;
    }

    private sealed class UrlEntries(IReadOnlyList<string> varyHeaders)
    {
        public IReadOnlyList<string> VaryHeaders { get; } = varyHeaders;
        public Dictionary<string, LinkedListNode<CachedResponse>> Variants { get; } = new(StringComparer.Ordinal);
    }
}
