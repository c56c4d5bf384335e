using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// A stored response freshened by the 304 its revalidation got (RFC 9111 §4.3.4): the 304's fields
/// update the stored ones, the body stays, and age and lifetime start again from the 304.
/// </summary>
internal static class CacheFreshening
{
    public static CachedResponse Freshen(CachedResponse stored, IHeaderDictionary notModified, DateTimeOffset requestTime, DateTimeOffset now)
    {
        var headers = StoredHeaders.Freshened(stored.Headers, notModified);
        var directives = CacheDirectives.Parse(headers.GetValueOrDefault(HeaderNames.CacheControl), headers.GetValueOrDefault(HeaderNames.Pragma));
        var hasDate = HeaderUtilities.TryParseDate(headers.GetValueOrDefault(HeaderNames.Date).ToString(), out var date);

        // Unlike a new response, a 304 with an unparsable Expires keeps the lifetime the entry had.
        var expires = headers.GetValueOrDefault(HeaderNames.Expires);
        var lifetime = FreshnessLifetime.Explicit(directives, HeaderUtilities.TryParseDate(expires.ToString(), out _) ? expires : StringValues.Empty, hasDate ? date : now);
        return new CachedResponse
        {
            Key = stored.Key,
            StatusCode = stored.StatusCode,
            Headers = headers.ToArray(),
            Body = stored.Body,
            RequestTime = requestTime,
            ResponseTime = now,
            Date = hasDate ? date : null,
            AgeValue = TimeSpan.Zero,
            FreshnessLifetime = directives.NoCache ? TimeSpan.Zero : lifetime ?? stored.FreshnessLifetime,
            ETag = headers.GetValueOrDefault(HeaderNames.ETag).ToString() is { Length: > 0 } etag ? etag : stored.ETag,
            LastModified = stored.LastModified,
            NoCache = directives.NoCache,
            MustRevalidate = directives.SharedCacheMustRevalidate,
            StaleWhileRevalidate = directives.StaleWhileRevalidate,
            StaleIfError = directives.StaleIfError,
            SharedWithAuthorization = stored.SharedWithAuthorization,
            VaryHeaders = stored.VaryHeaders,
            VaryKey = stored.VaryKey,
        };
    }
}
