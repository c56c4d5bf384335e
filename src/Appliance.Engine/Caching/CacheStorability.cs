using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// Whether the shared cache may keep a response (RFC 9111 §3) under the rule that matched, and the
/// appliance's own limits on top: size, nobody's cookie, nobody's personal page under a default TTL
/// (web cache deception), answers of the type the rule's extension names. A refusal is a word for
/// Cache-Status's detail (RFC 9211 §2.8).
/// </summary>
internal static class CacheStorability
{
    /// <summary>Why the response must not be stored, or null when it may be. The first reason found is the one given.</summary>
    public static string? Refusal(
        int statusCode, IHeaderDictionary headers, CacheDirectives directives, IReadOnlyList<string> vary,
        IHeaderDictionary requestHeaders, CacheDirectives requestDirectives, bool hasAuthorization, CacheRulePlan rule, long bodyLength)
    {
        if (requestDirectives.NoStore)
        {
            return "request-no-store";
        }

        if (DirectivesRefusal(directives) is { } refusal)
        {
            return refusal;
        }

        if (requestDirectives.Unparsable)
        {
            return "request-malformed-cache-control";
        }

        // Parts are not combined here (§3.3 allows a cache not to).
        if (statusCode == StatusCodes.Status206PartialContent || !StringValues.IsNullOrEmpty(headers.ContentRange))
        {
            return "partial-content";
        }

        // A declared length decides before the first byte, so a large body streams through at once.
        if (bodyLength > rule.MaxObjectBytes || headers.ContentLength > rule.MaxObjectBytes)
        {
            return "too-large";
        }

        // "*" never matches a later request (§4.1): storing it would only take room.
        if (vary.Contains("*"))
        {
            return "vary-star";
        }

        // §3.5: the origin may share an answer to Authorization; nobody's cookie is stored, only the rest of such an answer.
        var explicitlyShared = IsExplicitlyShared(directives);
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

        // Heuristic freshness (§4.2.2) only where the rule allows it: without the origin's word, the rule's
        // default TTL or the heuristic, only a no-cache response with a validator is kept, to be revalidated every time.
        var explicitFreshness = FreshnessLifetime.IsExplicit(directives, headers.Expires);
        if (!explicitFreshness && rule.DefaultTtl is null && !HeuristicFreshness.Applies(headers, rule.HeuristicMax)
            && !(directives.NoCache && HasValidator(headers)))
        {
            return "no-freshness";
        }

        return IsStorableStatus(statusCode, explicitFreshness) ? null : "status";
    }

    /// <summary>
    /// What a response's own directives say against a shared cache keeping it: no-store, private (§3), or a
    /// field that could not be read whole, which may have said either where it could not be read.
    /// </summary>
    public static string? DirectivesRefusal(CacheDirectives directives) =>
        directives.NoStore ? "no-store" : directives.Private ? "private" : directives.Unparsable ? "malformed-cache-control" : null;

    /// <summary>§3.5: the response directives that let a shared cache reuse an answer to a request with Authorization; proxy-revalidate is not one.</summary>
    public static bool IsExplicitlyShared(CacheDirectives directives) =>
        directives.Public || directives.SharedMaxAge is not null || directives.MustRevalidate;

    /// <summary>§3.5: a request with Authorization is answered only by an entry stored as explicitly shared.</summary>
    public static bool MayAnswer(CachedResponse entry, bool hasAuthorization) =>
        !hasAuthorization || entry.SharedWithAuthorization;

    // With explicit freshness any final status but a part or a 304 may be stored (§3); a default TTL stands in
    // for a heuristic and the heuristic is one, so only the statuses heuristically cacheable by default (RFC 9110 §15.1) take it.
    private static bool IsStorableStatus(int status, bool explicitFreshness) =>
        explicitFreshness
            ? status is >= 200 and < 600 and not 206 and not 304
            : status is 200 or 203 or 204 or 300 or 301 or 308 or 404 or 405 or 410 or 414 or 501;

    private static bool HasValidator(IHeaderDictionary headers) =>
        headers.ETag.ToString() is { Length: > 0 } || HttpDates.TryParse(headers.LastModified.ToString(), out _);
}
