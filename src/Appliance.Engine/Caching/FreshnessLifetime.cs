using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching;

/// <summary>
/// How long a response stays fresh by what the origin said (RFC 9111 §4.2.1): s-maxage, then
/// max-age, then Expires minus Date. No heuristic lifetime (§4.2.2): a response that says nothing
/// gets the rule's default TTL or is not stored, which is the caller's decision.
/// </summary>
internal static class FreshnessLifetime
{
    /// <summary>
    /// The explicit lifetime, or null when the response gives none. <paramref name="dateOrReceipt"/> is
    /// the response's Date, or the time it arrived when it has none (RFC 9110 §6.6.1).
    /// </summary>
    public static TimeSpan? Explicit(CacheDirectives directives, StringValues expires, DateTimeOffset dateOrReceipt)
    {
        if (!IsExplicit(directives, expires))
        {
            return null;
        }

        // A shared cache takes s-maxage over max-age, and either over Expires (§5.2.2.10, §5.3).
        if ((directives.SharedMaxAge ?? directives.MaxAge) is { } maxAge)
        {
            return maxAge;
        }

        // An invalid Expires, such as 0, means already expired (§5.3).
        if (!HttpDates.TryParse(expires.ToString(), out var expiresAt))
        {
            return TimeSpan.Zero;
        }

        var lifetime = expiresAt - dateOrReceipt;
        return lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero;
    }

    /// <summary>Whether the origin said how long the response stays fresh, even if what it said (an invalid Expires) means "not at all".</summary>
    public static bool IsExplicit(CacheDirectives directives, StringValues expires) =>
        directives.SharedMaxAge is not null || directives.MaxAge is not null || !StringValues.IsNullOrEmpty(expires);
}
