using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching;

/// <summary>
/// A stored response: status, end-to-end headers, body, and what RFC 9111 needs to say how old and
/// how fresh it is. Compressed variants are added on first demand and kept, so a hit never
/// compresses twice. Immutable but for those variants and a revalidation's refresh, which
/// replaces the whole entry.
/// </summary>
internal sealed class CachedResponse
{
    public required string Key { get; init; }
    public required int StatusCode { get; init; }
    public required IReadOnlyList<KeyValuePair<string, StringValues>> Headers { get; init; }
    public required byte[] Body { get; init; }

    /// <summary>Set instead of <see cref="Body"/> for a large entry answered from the disk tier: the body stays in its file.</summary>
    public Disk.DiskBody? BodyFile { get; init; }

    public long BodyLength => BodyFile?.Length ?? Body.Length;
    public required DateTimeOffset RequestTime { get; init; }
    public required DateTimeOffset ResponseTime { get; init; }
    public DateTimeOffset? Date { get; init; }
    public TimeSpan AgeValue { get; init; }
    public required TimeSpan FreshnessLifetime { get; init; }
    public string? ETag { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public bool NoCache { get; init; }

    /// <summary>Its lifetime is heuristic (RFC 9111 §4.2.2): Cache-Status says so with every answer from it.</summary>
    public bool Heuristic { get; init; }

    /// <summary>Never served stale without revalidation here: must-revalidate, proxy-revalidate or s-maxage (RFC 9111 §5.2.2.2, §5.2.2.8, §5.2.2.10).</summary>
    public bool MustRevalidate { get; init; }
    public TimeSpan StaleWhileRevalidate { get; init; }
    public TimeSpan? StaleIfError { get; init; }

    /// <summary>Stored from a response that explicitly allows sharing with requests that carry Authorization.</summary>
    public bool SharedWithAuthorization { get; init; }

    /// <summary>The request headers this response varies on, lower case, and their values at storage.</summary>
    public required IReadOnlyList<string> VaryHeaders { get; init; }
    public required string VaryKey { get; init; }

    public ConcurrentDictionary<string, byte[]> Encoded { get; } = new(StringComparer.Ordinal);

    /// <summary>The disk tier's file this entry was read from and still matches: evicting it from memory needs no write.</summary>
    internal Disk.DiskCacheEntry? DiskCopy { get; set; }

    /// <summary>Hits answered with this entry since it was stored (or read back from disk).</summary>
    internal long Hits;

    /// <summary>The size the store has counted for this entry (changed only under the store's lock).</summary>
    internal long AccountedSize { get; set; }

    /// <summary>What the entry costs the store: body, variants, headers, and a fixed overhead.</summary>
    public long Size => BodyLength + Encoded.Values.Sum(v => (long)v.Length) + Headers.Sum(h => h.Key.Length + h.Value.ToString().Length) + 512;

    /// <summary>How old the entry is now (RFC 9111 §4.2.3).</summary>
    public TimeSpan CurrentAge(DateTimeOffset now) => CacheAge.Current(Date, AgeValue, RequestTime, ResponseTime, now);

    public string? Header(string name)
    {
        foreach (var header in Headers)
        {
            if (header.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value.ToString();
            }
        }

        return null;
    }
}
