using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Engine.Caching.Disk;

/// <summary>
/// The disk tier under <see cref="CacheOptions.DiskPath"/>: one file per variant, an index in memory
/// rebuilt from the files at start, least-recently-used eviction within
/// <see cref="CacheOptions.DiskMaxSizeMB"/>. One lock guards the index; files are written, read and
/// deleted outside it. Off (every call a no-op) when no path is set.
/// </summary>
public sealed partial class DiskCacheStore
{
    private readonly Lock _lock = new();
    private readonly DiskCacheIndex _index = new();
    private readonly string? _root;
    private readonly long _maxBytes;
    private readonly ILogger _logger;
    private long _hits;
    private long _writes;
    private long _evictions;
    private long _corrupt;

    public DiskCacheStore(CacheOptions options, ILogger<DiskCacheStore>? logger = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _maxBytes = options.DiskMaxSizeBytes;
        if (string.IsNullOrWhiteSpace(options.DiskPath))
        {
            return;
        }

        _root = Path.GetFullPath(options.DiskPath);
        Directory.CreateDirectory(_root);
        Rebuild();
    }

    public bool IsEnabled => _root is not null;

    public DiskCacheStatistics Statistics()
    {
        lock (_lock)
        {
            return new DiskCacheStatistics(_index.Count, _index.Bytes, IsEnabled ? _maxBytes : 0, Interlocked.Read(ref _hits), _writes, _evictions, Interlocked.Read(ref _corrupt));
        }
    }

    /// <summary>The file indexed for this request's variant, if any (and marks it recently used); <paramref name="urlStored"/> says whether any is indexed for the URL.</summary>
    internal DiskCacheEntry? Lookup(string key, IHeaderDictionary requestHeaders, out bool urlStored)
    {
        urlStored = false;
        if (!IsEnabled)
        {
            return null;
        }

        lock (_lock)
        {
            return _index.Find(key, requestHeaders, out urlStored);
        }
    }

    /// <summary>
    /// Reads an indexed entry: whole when its body is at most <paramref name="loadUpTo"/> bytes, else with its
    /// file held open. A file that is there but wrong (cut short, changed) is dropped and counted, never served.
    /// </summary>
    internal CachedResponse? Open(DiskCacheEntry entry, long loadUpTo)
    {
        var (response, corrupt) = DiskCacheFile.Open(entry, loadUpTo);
        if (response is null)
        {
            Drop(entry, corrupt);
        }

        return response;
    }

    /// <summary>Writes <paramref name="response"/> to its file and indexes it, evicting the least recently used past the bound; false when it could not be kept.</summary>
    internal bool Write(CachedResponse response)
    {
        if (!IsEnabled)
        {
            return false;
        }

        var path = PathOf(response.Key, response.VaryKey);
        if (response.BodyLength >= _maxBytes || !TryCreateFolder(path) || !DiskCacheFile.Write(path, response))
        {
            Remove(response.Key, response.VaryKey);
            return false;
        }

        long size;
        try
        {
            size = new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return false;
        }

        List<string> unlinked;
        lock (_lock)
        {
            unlinked = _index.Add(new DiskCacheEntry(response.Key, response.VaryKey, path, size), response.VaryHeaders);
            _writes++;
            var evicted = _index.EvictOver(_maxBytes);
            _evictions += evicted.Count;
            unlinked.AddRange(evicted);
        }

        DeleteAll(unlinked);
        return true;
    }

    /// <summary>Whether <paramref name="entry"/> is still the file indexed for its variant.</summary>
    internal bool Holds(DiskCacheEntry entry)
    {
        lock (_lock)
        {
            return _index.Holds(entry);
        }
    }

    internal void CountHit(DiskCacheEntry entry)
    {
        Interlocked.Increment(ref entry.Hits);
        Interlocked.Increment(ref _hits);
    }

    /// <summary>Removes one entry, if it is still the one indexed for its variant; counted when its file was found wrong.</summary>
    internal void Drop(DiskCacheEntry entry, bool corrupt)
    {
        if (corrupt)
        {
            Interlocked.Increment(ref _corrupt);
            LogCorrupt(entry.Key, entry.Path);
        }

        bool removed;
        lock (_lock)
        {
            removed = _index.Remove(entry);
        }

        if (removed)
        {
            DiskCacheFile.TryDelete(entry.Path);
        }
    }

    /// <summary>Removes what is stored for one variant (a newer response replaced it in memory).</summary>
    internal void Remove(string key, string varyKey) => Unlink(index => index.RemoveVariant(key, varyKey));

    /// <summary>Removes what a response stored in memory supersedes: its own variant, and every variant if it varies on other headers.</summary>
    internal void Supersede(CachedResponse response)
    {
        if (IsEnabled)
        {
            Unlink(index => index.Supersede(response.Key, response.VaryKey, response.VaryHeaders));
        }
    }

    public int PurgeUrl(string key) => Unlink(index => index.RemoveUrl(key));

    public int PurgePrefix(string prefix) => Unlink(index => index.RemovePrefix(prefix));

    public int PurgeAll() => Unlink(index => index.RemoveAll());

    internal bool HoldsAnyFor(string host) => IsEnabled && _index.HoldsAnyFor(host);

    /// <summary>A copy of the index, for the Cache page's top objects.</summary>
    internal IReadOnlyList<DiskCacheEntry> Snapshot()
    {
        lock (_lock)
        {
            return _index.Entries();
        }
    }

    private int Unlink(Func<DiskCacheIndex, List<string>> change)
    {
        if (!IsEnabled)
        {
            return 0;
        }

        List<string> unlinked;
        lock (_lock)
        {
            unlinked = change(_index);
        }

        DeleteAll(unlinked);
        return unlinked.Count;
    }

    private static void DeleteAll(List<string> paths)
    {
        foreach (var path in paths)
        {
            DiskCacheFile.TryDelete(path);
        }
    }

    private string PathOf(string key, string varyKey)
    {
        var name = DiskCacheFile.NameOf(key, varyKey);
        return Path.Combine(_root!, name[..2], name);
    }

    private static bool TryCreateFolder(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // The index from the files themselves, oldest first so that the newest end up most recently used; leftovers
    // of interrupted writes go, and so do files that are not whole (counted as corrupt).
    private void Rebuild()
    {
        var files = new DirectoryInfo(_root!).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.LastWriteTimeUtc).ToList();
        foreach (var file in files)
        {
            if (!file.Name.EndsWith(DiskCacheFile.Extension, StringComparison.Ordinal))
            {
                if (file.Name.EndsWith(DiskCacheFile.TemporaryExtension, StringComparison.Ordinal))
                {
                    DiskCacheFile.TryDelete(file.FullName);
                }

                continue;
            }

            var header = DiskCacheFile.Inspect(file.FullName, out var length);
            if (header is null || file.Name != DiskCacheFile.NameOf(header.Key, header.VaryKey))
            {
                _corrupt++;
                LogCorrupt(header?.Key ?? "?", file.FullName);
                DiskCacheFile.TryDelete(file.FullName);
                continue;
            }

            DeleteAll(_index.Add(new DiskCacheEntry(header.Key, header.VaryKey, file.FullName, length), header.VaryHeaders));
        }

        DeleteAll(_index.EvictOver(_maxBytes));
        LogRebuilt(_index.Count, _index.Bytes, _root!);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Disk cache: {Entries} entries ({Bytes} bytes) indexed from {Root}.")]
    private partial void LogRebuilt(long entries, long bytes, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disk cache: dropped the file of {Key} at {Path}: cut short or not matching its checksum.")]
    private partial void LogCorrupt(string key, string path);
}
