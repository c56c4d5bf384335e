using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// What the shared cache may keep (RFC 9111 §3 and the rule's limits) and how a 304 refreshes what
/// it kept (§4.3.4): the one place both the request path and the background revalidation ask.
/// </summary>
internal static class CacheStoragePolicy
{
    // Hop-by-hop headers, per-request headers and cookies never enter a shared cache.
    private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.TransferEncoding, HeaderNames.Upgrade, HeaderNames.TE,
        HeaderNames.Trailer, HeaderNames.ProxyAuthenticate, "Proxy-Connection", HeaderNames.SetCookie, HeaderNames.Age,
        "Cache-Status", Metrics.RequestIdFeature.HeaderName, HeaderNames.StrictTransportSecurity,
    };

    /// <summary>
    /// The entry a response makes, or null when RFC 9111 or the rule says it must not be stored;
    /// then <paramref name="refusal"/> says why, as a Cache-Status detail (RFC 9211 §2.8).
    /// </summary>
    public static CachedResponse? CreateEntry(
        int statusCode, IHeaderDictionary headers, IHeaderDictionary requestHeaders, CacheRulePlan rule, CacheDirectives requestDirectives,
        string key, byte[] body, DateTimeOffset requestTime, DateTimeOffset responseTime, bool hasAuthorization, out string? refusal)
    {
        var directives = CacheDirectives.Parse(headers.CacheControl, headers.Pragma);
        var vary = headers.Vary.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();
        refusal = Refusal(statusCode, headers, requestHeaders, rule, requestDirectives, directives, vary, body.LongLength, hasAuthorization);
        if (refusal is not null)
        {
            return null;
        }

        // A Date that does not parse is kept as the earliest date there is, not replaced by the receipt time.
        HeaderUtilities.TryParseDate(headers.Date.ToString(), out var date);
        var hasDate = !StringValues.IsNullOrEmpty(headers.Date);
        var explicitLifetime = FreshnessLifetime.Explicit(directives, headers.Expires, hasDate ? date : responseTime);
        var etag = headers.ETag.ToString() is { Length: > 0 } e ? e : null;
        var lastModified = HeaderUtilities.TryParseDate(headers.LastModified.ToString(), out var modified) ? modified : (DateTimeOffset?)null;
        var lifetime = explicitLifetime ?? rule.DefaultTtl;
        if (lifetime is null && !(directives.NoCache && (etag is not null || lastModified is not null)))
        {
            refusal = "no-freshness";
            return null;
        }

        if (!IsStorableStatus(statusCode, explicitFreshness: explicitLifetime is not null))
        {
            refusal = "status";
            return null;
        }

        return new CachedResponse
        {
            Key = key,
            StatusCode = statusCode,
            Headers = headers.Where(h => !NotStored.Contains(h.Key)).Select(h => new KeyValuePair<string, StringValues>(h.Key, h.Value)).ToArray(),
            Body = body,
            RequestTime = requestTime,
            ResponseTime = responseTime,
            Date = hasDate ? date : null,
            AgeValue = CacheAge.ValueOf(headers.Age),
            FreshnessLifetime = directives.NoCache ? TimeSpan.Zero : lifetime ?? TimeSpan.Zero,
            ETag = etag,
            LastModified = lastModified,
            NoCache = directives.NoCache,
            MustRevalidate = directives.MustRevalidate,
            StaleWhileRevalidate = directives.StaleWhileRevalidate,
            StaleIfError = directives.StaleIfError,
            SharedWithAuthorization = directives.Public || directives.SharedMaxAge is not null || directives.MustRevalidate,
            VaryHeaders = vary,
            VaryKey = ResponseCache.VaryKeyOf(vary, requestHeaders),
        };
    }

    // What keeps a response out of the store before its freshness is considered, as a Cache-Status detail; null when nothing does.
    private static string? Refusal(
        int statusCode, IHeaderDictionary headers, IHeaderDictionary requestHeaders, CacheRulePlan rule, CacheDirectives requestDirectives,
        CacheDirectives directives, string[] vary, long bodyLength, bool hasAuthorization)
    {
        if (requestDirectives.NoStore)
        {
            return "request-no-store";
        }

        if (directives.NoStore || directives.Private)
        {
            return directives.NoStore ? "no-store" : "private";
        }

        if (statusCode == StatusCodes.Status206PartialContent || !StringValues.IsNullOrEmpty(headers.ContentRange))
        {
            return "partial-content";
        }

        // A declared length decides before the first byte, so a large body streams through at once.
        if (bodyLength > rule.MaxObjectBytes || headers.ContentLength > rule.MaxObjectBytes)
        {
            return "too-large";
        }

        if (vary.Contains("*"))
        {
            return "vary-star";
        }

        // RFC 9111 §3.5: the origin may share an answer to Authorization; nobody's cookie is stored, only the rest of such an answer.
        var explicitlyShared = directives.Public || directives.SharedMaxAge is not null || directives.MustRevalidate;
        if (!StringValues.IsNullOrEmpty(headers.SetCookie) && !explicitlyShared)
        {
            return "set-cookie";
        }

        // A default TTL is the appliance's guess, not the origin's word: an answer to a request that says who
        // is asking may be someone's own page (cache deception), shared only when the origin says public or s-maxage.
        var personal = rule.DefaultTtl is not null && !directives.Public && directives.SharedMaxAge is null;
        if (hasAuthorization && (personal || !explicitlyShared))
        {
            return "request-authorization";
        }

        if (personal && !StringValues.IsNullOrEmpty(requestHeaders.Cookie))
        {
            return "request-cookie";
        }

        // A rule for *.jpg stores JPEGs: HTML under that name is an origin ignoring the suffix, maybe someone's page.
        if (rule.Extension is { } extension && (bodyLength > 0 || !StringValues.IsNullOrEmpty(headers.ContentType))
            && !StaticMediaTypes.Fits(extension, headers.ContentType))
        {
            return "content-type-mismatch";
        }

        return null;
    }

    // RFC 9111 §4.3.4: the 304's headers update the stored ones; the body stays.
    public static CachedResponse Refresh(CachedResponse stored, IHeaderDictionary notModified, DateTimeOffset requestTime, DateTimeOffset now)
    {
        var headers = stored.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var header in notModified)
        {
            if (!NotStored.Contains(header.Key) && !header.Key.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                headers[header.Key] = header.Value;
            }
        }

        var directives = CacheDirectives.Parse(headers.GetValueOrDefault(HeaderNames.CacheControl), headers.GetValueOrDefault(HeaderNames.Pragma));
        var hasDate = HeaderUtilities.TryParseDate(headers.GetValueOrDefault(HeaderNames.Date).ToString(), out var date);

        // Unlike a stored response, a 304 with an unparsable Expires keeps the lifetime the entry had.
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
            MustRevalidate = directives.MustRevalidate,
            StaleWhileRevalidate = directives.StaleWhileRevalidate,
            StaleIfError = directives.StaleIfError,
            SharedWithAuthorization = stored.SharedWithAuthorization,
            VaryHeaders = stored.VaryHeaders,
            VaryKey = stored.VaryKey,
        };
    }

    private static bool IsStorableStatus(int status, bool explicitFreshness) =>
        explicitFreshness
            ? status is >= 200 and < 600 and not 206 and not 304
            : status is 200 or 203 or 204 or 300 or 301 or 308 or 404 or 405 or 410 or 414 or 501;
}
