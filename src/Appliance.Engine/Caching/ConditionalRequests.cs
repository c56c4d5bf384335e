using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// Conditional requests as the cache meets them (RFC 9110 §13): answering a client's own validators
/// from an entry, and choosing the validators it sends itself when revalidating one (RFC 9111 §4.3.1).
/// </summary>
internal static class ConditionalRequests
{
    /// <summary>
    /// Whether a client's conditions make the answer a 304: If-None-Match by weak comparison (§13.1.2,
    /// §8.8.3.2), where "*" matches any stored representation, tagged or not, and, only without it
    /// (§13.2.2), If-Modified-Since against Last-Modified (§13.1.3).
    /// </summary>
    public static bool IsNotModified(IHeaderDictionary requestHeaders, string? etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = requestHeaders.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return EntityTags.ListOf(ifNoneMatch).Any(candidate => candidate == "*" || (etag is not null && EntityTags.WeakMatch(candidate, etag)));
        }

        return lastModified is { } modified
            && HttpDates.TryParse(requestHeaders.IfModifiedSince.ToString(), out var since)
            && modified <= since;
    }

    /// <summary>
    /// The conditions a revalidation of <paramref name="stored"/> sends (§4.3.1): its ETag in If-None-Match
    /// (MUST) and its Last-Modified in If-Modified-Since (SHOULD; an origin that knows ETags evaluates
    /// If-None-Match instead, RFC 9110 §13.2.2). Empty values mean the field is not sent.
    /// </summary>
    public static (StringValues IfNoneMatch, StringValues IfModifiedSince) ValidatorsFor(CachedResponse stored) =>
        (stored.ETag is { } etag ? etag : StringValues.Empty,
         stored.LastModified is { } modified ? HeaderUtilities.FormatDate(modified) : StringValues.Empty);
}
