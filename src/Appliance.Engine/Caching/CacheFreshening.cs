using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// A stored response freshened by the 304 its revalidation got (RFC 9111 §4.3.4): the 304's fields
/// update the stored ones, the body stays, and age and lifetime start again from the 304; unless
/// the 304 names another representation than the stored one.
/// </summary>
internal static class CacheFreshening
{
    /// <summary>
    /// Whether the 304 is about <paramref name="stored"/> (§4.3.4): a strong ETag in it must be the stored
    /// strong ETag, a weak one must match the stored one weakly. A 304 without an ETag answered the
    /// validators taken from this very entry, and is taken as being about it.
    /// </summary>
    public static bool Selects(CachedResponse stored, IHeaderDictionary notModified)
    {
        var etag = notModified.ETag.ToString();
        if (etag.Length == 0)
        {
            return true;
        }

        return stored.ETag is { } storedTag
            && (EntityTags.IsWeak(etag) ? EntityTags.WeakMatch(etag, storedTag) : EntityTags.StrongMatch(etag, storedTag));
    }

    /// <summary>
    /// Why the freshened entry may not stay in the store, or null when it may: the 304's Cache-Control replaces
    /// the stored one (§4.3.4), and may now say no-store or private.
    /// </summary>
    public static string? Refusal(IHeaderDictionary notModified, CacheTargets? targets = null) =>
        CacheStorability.DirectivesRefusal(CacheDirectives.Parse(ResponseCacheFields.Effective(notModified, targets ?? CacheTargets.Default).CacheControl));

    /// <summary>The entry freshened by the 304, or <paramref name="stored"/> unchanged when the 304 is not about it (the cache MUST NOT update it then).</summary>
    public static CachedResponse Freshen(CachedResponse stored, IHeaderDictionary notModified, DateTimeOffset requestTime, DateTimeOffset now, CacheTargets? targets = null)
    {
        if (!Selects(stored, notModified))
        {
            return stored;
        }

        var headers = StoredHeaders.Freshened(stored.Headers, notModified);
        var effective = ResponseCacheFields.Effective(new HeaderDictionary(headers), targets ?? CacheTargets.Default);
        var directives = CacheDirectives.Parse(effective.CacheControl, effective.Pragma);

        // Age starts again from the 304 itself: its own Date (the stored one would make it as old as the
        // first response) and its own Age (§4.2.3); an Expires that does not parse means expired (§5.3).
        var hasDate = HttpDates.TryParse(notModified.Date.ToString(), out var date);
        var lifetime = FreshnessLifetime.Explicit(directives, effective.Expires, hasDate ? date : now);
        return new CachedResponse
        {
            Key = stored.Key,
            StatusCode = stored.StatusCode,
            Headers = headers.ToArray(),
            Body = stored.Body,
            BodyFile = stored.BodyFile,
            RequestTime = requestTime,
            ResponseTime = now,
            Date = hasDate ? date : null,
            AgeValue = CacheAge.ValueOf(notModified.Age),
            FreshnessLifetime = directives.NoCache ? TimeSpan.Zero : lifetime ?? stored.FreshnessLifetime,
            ETag = headers.GetValueOrDefault(HeaderNames.ETag).ToString() is { Length: > 0 } etag ? etag : stored.ETag,
            LastModified = HttpDates.TryParse(headers.GetValueOrDefault(HeaderNames.LastModified).ToString(), out var modified) ? modified : stored.LastModified,
            NoCache = directives.NoCache,

            // A heuristic lifetime is kept, and said, until the origin gives an explicit one.
            Heuristic = lifetime is null && stored.Heuristic,
            MustRevalidate = directives.SharedCacheMustRevalidate,
            StaleWhileRevalidate = directives.StaleWhileRevalidate,
            StaleIfError = directives.StaleIfError,

            // Shared with Authorization only while the updated directives still say so (§3.5).
            SharedWithAuthorization = stored.SharedWithAuthorization && CacheStorability.IsExplicitlyShared(directives),
            VaryHeaders = stored.VaryHeaders,
            VaryKey = stored.VaryKey,
        };
    }
}
