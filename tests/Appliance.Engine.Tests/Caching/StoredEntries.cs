using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

/// <summary>Stored responses for table rows: an age and a lifetime in seconds at <see cref="Now"/>, and the directives the origin sent.</summary>
internal static class StoredEntries
{
    public static readonly DateTimeOffset Now = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static CachedResponse Aged(int ageSeconds, int lifetimeSeconds, string responseCacheControl = "")
    {
        var directives = CacheDirectives.Parse(responseCacheControl);
        return new CachedResponse
        {
            Key = "http://example.test/a",
            StatusCode = 200,
            Headers = [],
            Body = [],
            RequestTime = Now,
            ResponseTime = Now,
            AgeValue = TimeSpan.FromSeconds(ageSeconds),
            FreshnessLifetime = TimeSpan.FromSeconds(lifetimeSeconds),
            NoCache = directives.NoCache,
            MustRevalidate = directives.MustRevalidate,
            StaleWhileRevalidate = directives.StaleWhileRevalidate,
            StaleIfError = directives.StaleIfError,
            VaryHeaders = [],
            VaryKey = "",
        };
    }
}
