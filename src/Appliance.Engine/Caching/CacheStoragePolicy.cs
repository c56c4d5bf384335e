using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// The entry a response makes when it may be stored: the one place both the request path and the
/// background revalidation ask. Whether it may is <see cref="CacheStorability"/>'s answer; how
/// fresh and how old it is, <see cref="FreshnessLifetime"/>'s and <see cref="CacheAge"/>'s.
/// </summary>
internal static class CacheStoragePolicy
{
    /// <summary>
    /// The entry a response makes, or null when RFC 9111 or the rule says it must not be stored;
    /// then <paramref name="refusal"/> says why, as a Cache-Status detail (RFC 9211 §2.8).
    /// </summary>
    public static CachedResponse? CreateEntry(
        int statusCode, IHeaderDictionary headers, IHeaderDictionary requestHeaders, CacheRulePlan rule, CacheDirectives requestDirectives,
        string key, byte[] body, DateTimeOffset requestTime, DateTimeOffset responseTime, bool hasAuthorization, out string? refusal)
    {
        // A targeted field (RFC 9213) this cache obeys replaces Cache-Control, Expires and Pragma for every decision;
        // the response's own fields are what is stored and, but for the targeted ones, what clients get.
        var stored = headers;
        headers = ResponseCacheFields.Effective(headers, rule.Targets);
        var directives = CacheDirectives.Parse(headers.CacheControl, headers.Pragma);
        var vary = CacheVariants.NamesOf(headers.Vary);
        refusal = CacheStorability.Refusal(statusCode, headers, directives, vary, requestHeaders, requestDirectives, hasAuthorization, rule, body.LongLength)
            ?? (SelfRedirects.LeadsBack(statusCode, headers.Location, key, rule.IncludeQueryString) ? SelfRedirects.Refusal : null);
        if (refusal is not null)
        {
            return null;
        }

        // A Date that does not parse counts as none, so the receipt time stands in (RFC 9110 §6.6.1): read as
        // 0001-01-01 it made the entry stale at birth and sixty billion seconds old.
        var hasDate = HttpDates.TryParse(headers.Date.ToString(), out var date);

        // Null only for a no-cache response kept for its validator: it is stale at once.
        // Explicit freshness first; the heuristic (where allowed) before the default TTL, which is the appliance's guess.
        var explicitLifetime = FreshnessLifetime.Explicit(directives, headers.Expires, hasDate ? date : responseTime);
        var heuristic = explicitLifetime is null && !directives.NoCache ? HeuristicFreshness.Lifetime(headers, hasDate ? date : responseTime, rule.HeuristicMax) : null;
        var lifetime = explicitLifetime ?? heuristic ?? rule.DefaultTtl;
        return new CachedResponse
        {
            Key = key,
            StatusCode = statusCode,
            Headers = StoredHeaders.Of(stored),
            Body = body,
            RequestTime = requestTime,
            ResponseTime = responseTime,
            Date = hasDate ? date : null,
            AgeValue = CacheAge.ValueOf(headers.Age),
            FreshnessLifetime = directives.NoCache ? TimeSpan.Zero : lifetime ?? TimeSpan.Zero,
            ETag = headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
            LastModified = HttpDates.TryParse(headers.LastModified.ToString(), out var modified) ? modified : null,
            NoCache = directives.NoCache,
            Heuristic = heuristic is not null,
            MustRevalidate = directives.SharedCacheMustRevalidate,
            StaleWhileRevalidate = directives.StaleWhileRevalidate,
            StaleIfError = directives.StaleIfError,
            SharedWithAuthorization = CacheStorability.IsExplicitlyShared(directives),
            VaryHeaders = vary,
            VaryKey = CacheVariants.KeyOf(vary, requestHeaders),
        };
    }
}
