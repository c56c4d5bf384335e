using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Caching;

public sealed class CacheBoundTests(CacheBoundTests.OneMegabyteCacheHost host) : IClassFixture<CacheBoundTests.OneMegabyteCacheHost>
{
    [Fact]
    public async Task The_store_stays_within_its_bound_while_ten_times_its_size_passes_through()
    {
        var body = new string('x', 64 * 1024);
        using var client = host.CreateRawClient();
        for (var i = 0; i < 160; i++)
        {
            var path = $"/object-{i}";
            host.Origin.On(path, body, ("Cache-Control", "max-age=600"));
            using var response = await client.GetWithHostAsync("cache.test", path);
            Assert.Equal(body.Length, (await response.Content.ReadAsByteArrayAsync()).Length);

            var stats = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/cache/stats");
            Assert.True(stats.GetProperty("bytes").GetInt64() <= 1024 * 1024, $"The store holds {stats.GetProperty("bytes").GetInt64()} bytes after {i + 1} objects.");
        }

        var final = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/cache/stats");
        Assert.Equal(1024 * 1024, final.GetProperty("maxBytes").GetInt64());
        Assert.InRange(final.GetProperty("entries").GetInt64(), 10, 16);
        Assert.True(final.GetProperty("evictions").GetInt64() >= 140);

        // The most recent objects are the ones kept.
        (await client.GetWithHostAsync("cache.test", "/object-159")).Dispose();
        (await client.GetWithHostAsync("cache.test", "/object-0")).Dispose();
        Assert.Equal(1, host.Origin.Count("/object-159"));
        Assert.Equal(2, host.Origin.Count("/object-0"));
    }

    public sealed class OneMegabyteCacheHost : CacheHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:Cache:MaxSizeMB"] = "1" };
    }
}
