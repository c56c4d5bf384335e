namespace Appliance.Engine.Caching;

/// <summary>
/// Whether a stored response may answer a request now: fresh enough for the request's directives
/// (RFC 9111 §4.2, §5.2.1), or stale but allowed by the origin while it is revalidated or while
/// it fails (RFC 5861), and how long it stays fresh.
/// </summary>
internal static class CacheFreshness
{
    public static bool IsFreshEnough(CachedResponse stored, CacheDirectives request, DateTimeOffset now)
    {
        if (stored.NoCache || request.NoCache)
        {
            return false;
        }

        var age = stored.CurrentAge(now);
        if (request.MaxAge is { } maxAge && age > maxAge)
        {
            return false;
        }

        var remaining = stored.FreshnessLifetime - age;
        if (request.MinFresh is { } minFresh && remaining < minFresh)
        {
            return false;
        }

        if (remaining > TimeSpan.Zero)
        {
            return true;
        }

        // A client that accepts stale content gets it, unless the origin forbade that.
        return !stored.MustRevalidate && request.MaxStale && (request.MaxStaleLimit is not { } limit || -remaining <= limit);
    }

    /// <summary>
    /// RFC 5861 §3: within stale-while-revalidate the stored response answers now and the origin is
    /// asked in the background; not when the origin demands revalidation (must-revalidate, or no-cache,
    /// which forbids any use before validation, RFC 9111 §5.2.2.4), nor when the client asks for it or
    /// for a fresh response: max-age without max-stale, or min-fresh (§5.2.1.1, §5.2.1.3).
    /// </summary>
    public static bool MayServeWhileRevalidating(CachedResponse stored, CacheDirectives request, DateTimeOffset now)
    {
        if (stored.MustRevalidate || stored.NoCache || request.NoCache || stored.StaleWhileRevalidate <= TimeSpan.Zero)
        {
            return false;
        }

        var age = stored.CurrentAge(now);
        if (request.MinFresh is not null || (request.MaxAge is { } maxAge && (age > maxAge || !request.MaxStale)))
        {
            return false;
        }

        return age - stored.FreshnessLifetime <= stored.StaleWhileRevalidate;
    }

    /// <summary>
    /// RFC 5861 §4: a failing origin is hidden behind the stored response while stale-if-error (the client's
    /// first) allows it; never one the origin said must be validated first (RFC 9111 §4.2.4).
    /// </summary>
    public static bool MayServeStaleOnError(CachedResponse stored, CacheDirectives request, DateTimeOffset now)
    {
        if (stored.MustRevalidate || stored.NoCache)
        {
            return false;
        }

        var staleness = stored.CurrentAge(now) - stored.FreshnessLifetime;
        var allowed = request.StaleIfError ?? stored.StaleIfError;
        return allowed is { } window && staleness <= window;
    }

    /// <summary>
    /// What counts as the origin failing for stale-if-error (RFC 5861 §4): no answer at all, or 500, 502, 503
    /// or 504. Other 5xx (501 Not Implemented, 505, …) are the origin's considered answer and reach the client.
    /// </summary>
    public static bool OriginFailed(int statusCode, bool forwarderError) => forwarderError || statusCode is 500 or 502 or 503 or 504;

    /// <summary>Whether the entry is fresh now by what the origin said, whatever a request asks (§4.2).</summary>
    public static bool IsFresh(CachedResponse entry, DateTimeOffset now) => entry.FreshnessLifetime > entry.CurrentAge(now);

    /// <summary>The remaining freshness in whole seconds, negative once stale, as Cache-Status's ttl (RFC 9211 §2.4).</summary>
    public static long Ttl(CachedResponse entry, DateTimeOffset now) =>
        (long)(entry.FreshnessLifetime - entry.CurrentAge(now)).TotalSeconds;
}
