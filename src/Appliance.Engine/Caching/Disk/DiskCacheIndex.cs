using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Caching.Disk;

/// <summary>
/// The disk tier's index: files by URL key and variant, in recency order, with their total size. Not
/// thread-safe (the store's lock guards it) but for <see cref="HoldsAnyFor"/>. Changes return the paths of
/// the files they unlinked, for the store to delete outside its lock.
/// </summary>
internal sealed class DiskCacheIndex
{
    private readonly Dictionary<string, UrlFiles> _urls = new(StringComparer.Ordinal);
    private readonly LinkedList<DiskCacheEntry> _recency = new();

    // Entries per host as keys spell it, read without the lock, as the memory tier does.
    private readonly ConcurrentDictionary<string, int> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public long Count { get; private set; }

    public long Bytes { get; private set; }

    public bool HoldsAnyFor(string host) => !_hosts.IsEmpty && _hosts.ContainsKey(host);

    public DiskCacheEntry? Find(string key, IHeaderDictionary requestHeaders, out bool urlStored)
    {
        urlStored = _urls.TryGetValue(key, out var url);
        if (url is not null && url.Variants.TryGetValue(CacheVariants.KeyOf(url.VaryHeaders, requestHeaders), out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value;
        }

        return null;
    }

    /// <summary>Indexes <paramref name="entry"/> as most recently used, in place of the same variant and, when it varies on other headers, of every variant of its URL.</summary>
    public List<string> Add(DiskCacheEntry entry, IReadOnlyList<string> varyHeaders)
    {
        var unlinked = Supersede(entry.Key, entry.VaryKey, varyHeaders);
        unlinked.RemoveAll(path => path == entry.Path);
        if (!_urls.TryGetValue(entry.Key, out var url))
        {
            url = new UrlFiles(varyHeaders);
            _urls[entry.Key] = url;
        }

        url.Variants[entry.VaryKey] = _recency.AddFirst(entry);
        Count++;
        Bytes += entry.Size;
        CountHost(entry.Key, 1);
        return unlinked;
    }

    public List<string> EvictOver(long maxBytes)
    {
        var unlinked = new List<string>();
        while (Bytes > maxBytes && _recency.Last is { } oldest)
        {
            Remove(oldest.Value);
            unlinked.Add(oldest.Value.Path);
        }

        return unlinked;
    }

    public bool Holds(DiskCacheEntry entry) =>
        _urls.TryGetValue(entry.Key, out var url) && url.Variants.TryGetValue(entry.VaryKey, out var node) && ReferenceEquals(node.Value, entry);

    public bool Remove(DiskCacheEntry entry)
    {
        if (!Holds(entry))
        {
            return false;
        }

        var url = _urls[entry.Key];
        Unlink(url.Variants[entry.VaryKey]);
        url.Variants.Remove(entry.VaryKey);
        if (url.Variants.Count == 0)
        {
            _urls.Remove(entry.Key);
        }

        return true;
    }

    public List<string> RemoveVariant(string key, string varyKey) =>
        _urls.TryGetValue(key, out var url) && url.Variants.TryGetValue(varyKey, out var node) && Remove(node.Value) ? [node.Value.Path] : [];

    public List<string> Supersede(string key, string varyKey, IReadOnlyList<string> varyHeaders) =>
        _urls.TryGetValue(key, out var url) && !url.VaryHeaders.SequenceEqual(varyHeaders) ? RemoveUrl(key) : RemoveVariant(key, varyKey);

    public List<string> RemoveUrl(string key)
    {
        if (!_urls.Remove(key, out var url))
        {
            return [];
        }

        foreach (var node in url.Variants.Values)
        {
            Unlink(node);
        }

        return [.. url.Variants.Values.Select(n => n.Value.Path)];
    }

    public List<string> RemovePrefix(string prefix) =>
        [.. _urls.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray().SelectMany(RemoveUrl)];

    public List<string> RemoveAll() => [.. _urls.Keys.ToArray().SelectMany(RemoveUrl)];

    public List<DiskCacheEntry> Entries() => [.. _recency];

    private void Unlink(LinkedListNode<DiskCacheEntry> node)
    {
        _recency.Remove(node);
        Count--;
        Bytes -= node.Value.Size;
        CountHost(node.Value.Key, -1);
    }

    private void CountHost(string key, int change)
    {
        var host = CacheKeys.HostOf(key).ToString();
        var count = _hosts.GetValueOrDefault(host) + change;
        if (count > 0)
        {
            _hosts[host] = count;
        }
        else
        {
            _hosts.TryRemove(host, out _);
        }
    }

    private sealed class UrlFiles(IReadOnlyList<string> varyHeaders)
    {
        public IReadOnlyList<string> VaryHeaders { get; } = varyHeaders;
        public Dictionary<string, LinkedListNode<DiskCacheEntry>> Variants { get; } = new(StringComparer.Ordinal);
    }
}
