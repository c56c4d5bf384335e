using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Caching;

/// <summary>Stale entries: revalidation with the stored validators, stale-if-error and stale-while-revalidate.</summary>
public sealed class CacheStaleTests(CacheHost host) : IClassFixture<CacheHost>
{
    private static int _paths;

    [Fact]
    public async Task A_stale_entry_is_revalidated_with_its_ETag_and_a_304_refreshes_it()
    {
        var path = Unique("/etag");
        host.Origin.On(path, async context =>
        {
            context.Response.Headers.CacheControl = "max-age=0";
            context.Response.Headers.ETag = "\"v1\"";
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            await context.Response.WriteAsync("version one");
        });

        (await GetAsync(path)).Dispose();
        using var revalidated = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.Equal("version one", await revalidated.Content.ReadAsStringAsync());
        Assert.Equal("\"v1\"", host.Origin.RequestsTo(path)[1].Headers["If-None-Match"]);
        Assert.StartsWith("Appliance; fwd=stale; fwd-status=304", CacheStatus(revalidated));
    }
    [Fact]
    public async Task A_stale_entry_with_only_Last_Modified_is_revalidated_with_If_Modified_Since()
    {
        var path = Unique("/last-modified");
        var modified = DateTimeOffset.UtcNow.AddDays(-1).ToString("R");
        host.Origin.On(path, async context =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.LastModified = modified;
            if (context.Request.Headers.IfModifiedSince == modified)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            await context.Response.WriteAsync("dated");
        });

        (await GetAsync(path)).Dispose();
        using var revalidated = await GetAsync(path);

        Assert.Equal("dated", await revalidated.Content.ReadAsStringAsync());
        Assert.Equal(modified, host.Origin.RequestsTo(path)[1].Headers["If-Modified-Since"]);
    }
    [Fact]
    public async Task Stale_content_is_served_within_stale_if_error_when_the_origin_is_down()
    {
        await using var origin = await ScriptedOrigin.StartAsync();
        var path = "/outage.html";
        origin.On(path, "still here", ("Cache-Control", "max-age=0, stale-if-error=600"));
        await host.AddPoolAsync(new { name = "outage", backends = new[] { new { address = origin.Address } } });
        await host.AddRouteAsync(new { name = "outage", hosts = new[] { "outage.test" }, targets = new[] { new { pool = "outage", weight = 1 } } });
        using (var rule = await host.Api.PostAsJsonAsync("/api/v1/cache-rules", new { name = "outage", route = "outage", match = "/" }))
        {
            rule.EnsureSuccessStatusCode();
        }

        await host.WaitForLiveConfigAsync();
        using var client = host.CreateRawClient();
        (await client.GetWithHostAsync("outage.test", path)).Dispose();
        await origin.StopAsync();

        using var stale = await client.GetWithHostAsync("outage.test", path);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("still here", await stale.Content.ReadAsStringAsync());
        Assert.Contains("detail=stale-if-error", CacheStatus(stale));
    }
    [Fact]
    public async Task Within_stale_while_revalidate_the_stale_entry_answers_at_once_and_the_origin_is_asked_in_the_background()
    {
        var path = Unique("/swr.json");
        var version = 0;
        host.Origin.On(path, async context =>
        {
            context.Response.Headers.CacheControl = "max-age=0, stale-while-revalidate=600";
            await context.Response.WriteAsync("v" + Interlocked.Increment(ref version));
        });

        Assert.Equal("v1", await (await GetAsync(path)).Content.ReadAsStringAsync());
        using var stale = await GetAsync(path);
        Assert.Equal("v1", await stale.Content.ReadAsStringAsync());
        Assert.Contains("detail=stale-while-revalidate", CacheStatus(stale));

        // The background request stores the new version; the next client gets it.
        await Eventually.TrueAsync(() => host.Origin.Count(path) == 2, TimeSpan.FromSeconds(10), "the background revalidation");
        await Eventually.TrueAsync(
            async () => await (await GetAsync(path)).Content.ReadAsStringAsync() != "v1",
            TimeSpan.FromSeconds(10),
            "the refreshed entry to be served");
    }

    private Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers) =>
        host.GetAsync("cache.test", path, headers);

    private static string CacheStatus(HttpResponseMessage response) => CacheHost.CacheStatus(response);

    private static string Unique(string path)
    {
        var n = Interlocked.Increment(ref _paths);
        var dot = path.LastIndexOf('.');
        return dot > path.LastIndexOf('/') ? $"{path[..dot]}-{n}{path[dot..]}" : $"{path}-{n}";
    }
}
