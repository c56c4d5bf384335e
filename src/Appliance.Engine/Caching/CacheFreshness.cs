namespace Appliance.Engine.Caching;

/// <summary>Whether a stored response may answer a request now (RFC 9111 §4.2, RFC 5861), and how long it stays fresh.</summary>
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

    public static bool MayServeStaleOnError(CachedResponse stored, CacheDirectives request, DateTimeOffset now)
    {
        if (stored.MustRevalidate)
        {
            return false;
        }

        var staleness = stored.CurrentAge(now) - stored.FreshnessLifetime;
        var allowed = request.StaleIfError ?? stored.StaleIfError;
        return allowed is { } window && staleness <= window;
    }

    public static long Ttl(CachedResponse entry, DateTimeOffset now) =>
        Math.Max(0, (long)(entry.FreshnessLifetime - entry.CurrentAge(now)).TotalSeconds);
}
