using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Caching;

/// <summary>The appliance with one route, cache.test, in front of a scripted origin, and cache rules over its paths.</summary>
public class CacheHost : ApplianceHost
{
    public ScriptedOrigin Origin { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Origin = await ScriptedOrigin.StartAsync();
        await AddPoolAsync(new { name = "origin", backends = new[] { new { address = Origin.Address } } });
        await AddRouteAsync(new { name = "cache", hosts = new[] { "cache.test" }, targets = new[] { new { pool = "origin", weight = 1 } } });
        await AddRouteAsync(new { name = "plain", hosts = new[] { "plain.test" }, targets = new[] { new { pool = "origin", weight = 1 } }, compression = false });
        foreach (var rule in new object[]
        {
            new { name = "a-ttl", route = "cache", match = "/ttl/**", mode = "DefaultTtl", defaultTtlSeconds = 60 },
            new { name = "b-small", route = "cache", match = "/small/", mode = "FollowOrigin", maxObjectBytes = 4096 },
            new { name = "c-noquery", route = "cache", match = "*.noquery", mode = "FollowOrigin", includeQueryString = false },
            new { name = "z-all", route = "cache", match = "/", mode = "FollowOrigin" },
        })
        {
            using var response = await Api.PostAsJsonAsync("/api/v1/cache-rules", rule);
            response.EnsureSuccessStatusCode();
        }

        await WaitForLiveConfigAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Origin.DisposeAsync();
    }

    /// <summary>A GET for <paramref name="hostHeader"/> with the given headers, its body read before it returns.</summary>
    public async Task<HttpResponseMessage> GetAsync(string hostHeader, string path, params (string Name, string Value)[] headers)
    {
        using var client = CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = hostHeader;
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public static string CacheStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Status", out var values) ? values.Single() : "";

    /// <summary>A client of the data plane that sends what it is told and decodes nothing.</summary>
    public HttpClient CreateRawClient() => CreateProxyClient(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    });
}
