using System.Net.Http.Json;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// <see cref="CacheHost"/> plus a route, safety.test, to the same origin with the rules operators
/// write for static files: a <c>**/*.css</c> glob that follows the origin, and <c>*.jpg</c> with a default TTL.
/// </summary>
public sealed class CacheSafetyHost : CacheHost
{
    public const string Site = "safety.test";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddRouteAsync(new { name = "safety", hosts = new[] { Site }, targets = new[] { new { pool = "origin", weight = 1 } } });
        foreach (var rule in new object[]
        {
            new { name = "safety-css", route = "safety", match = "**/*.css", mode = "FollowOrigin" },
            new { name = "safety-jpg", route = "safety", match = "*.jpg", mode = "DefaultTtl", defaultTtlSeconds = 60 },
        })
        {
            using var response = await Api.PostAsJsonAsync("/api/v1/cache-rules", rule);
            response.EnsureSuccessStatusCode();
        }

        await WaitForLiveConfigAsync();
    }
}
