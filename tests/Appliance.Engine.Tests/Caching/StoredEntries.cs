using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

/// <summary>Stored responses for table rows: an age and a lifetime in seconds at <see cref="Now"/>, and the directives the origin sent.</summary>
internal static class StoredEntries
{
    public static readonly DateTimeOffset Now = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static CachedResponse Aged(
        int ageSeconds, int lifetimeSeconds, string responseCacheControl = "", bool sharedWithAuthorization = false, string[]? varyHeaders = null, string varyKey = "",
        string storedHeaders = "")
    {
        var directives = CacheDirectives.Parse(responseCacheControl);
        var headers = HeaderLines.Parse(storedHeaders);
        return new CachedResponse
        {
            Key = "http://example.test/a",
            StatusCode = 200,
            Headers = StoredHeaders.Of(headers),
            ETag = headers.ETag.Count > 0 ? headers.ETag.ToString() : null,
            LastModified = Microsoft.Net.Http.Headers.HeaderUtilities.TryParseDate(headers.LastModified.ToString(), out var modified) ? modified : null,
            Body = [],
            RequestTime = Now,
            ResponseTime = Now,
            AgeValue = TimeSpan.FromSeconds(ageSeconds),
            FreshnessLifetime = TimeSpan.FromSeconds(lifetimeSeconds),
            NoCache = directives.NoCache,
            MustRevalidate = directives.SharedCacheMustRevalidate,
            StaleWhileRevalidate = directives.StaleWhileRevalidate,
            StaleIfError = directives.StaleIfError,
            SharedWithAuthorization = sharedWithAuthorization,
            VaryHeaders = varyHeaders ?? [],
            VaryKey = varyKey,
        };
    }
}
