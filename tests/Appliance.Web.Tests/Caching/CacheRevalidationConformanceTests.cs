using System.Net;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// RFC 9111 §4.3 over a real socket: what a 304 may do to a stored entry, whether it comes back from
/// the origin to a revalidation or goes out from the store to a client's own conditional request.
/// </summary>
public sealed class CacheRevalidationConformanceTests(CacheHost host) : IClassFixture<CacheHost>
{
    private const string Site = "cache.test";

    private static int _paths;

    [Fact]
    public async Task A_304_naming_another_strong_ETag_does_not_freshen_the_entry_which_is_fetched_again_in_full()
    {
        var path = Unique("/replaced");
        var changed = false;
        host.Origin.On(path, async context =>
        {
            if (!Volatile.Read(ref changed))
            {
                context.Response.Headers.CacheControl = "max-age=0";
                context.Response.Headers.ETag = "\"v1\"";
                await context.Response.WriteAsync("one");
                return;
            }

            // An origin that answers any condition with its current tag: the 304 is about "v2", not the stored "v1".
            context.Response.Headers.CacheControl = "max-age=60";
            context.Response.Headers.ETag = "\"v2\"";
            if (context.Request.Headers.IfNoneMatch.Count > 0)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            await context.Response.WriteAsync("two");
        });
        (await host.GetAsync(Site, path)).Dispose();
        Volatile.Write(ref changed, true);

        using var refreshed = await host.GetAsync(Site, path);
        using var hit = await host.GetAsync(Site, path);

        // RFC 9111 §4.3.4: the stored "v1" is not the selected representation, so it is neither freshened nor served.
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal("two", await refreshed.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; fwd=stale; stored", CacheHost.CacheStatus(refreshed));
        Assert.Equal("two", await hit.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(hit));
        var requests = host.Origin.RequestsTo(path);
        Assert.Equal(3, requests.Count);
        Assert.Equal("\"v1\"", requests[1].Headers["If-None-Match"]);
        Assert.False(requests[2].Headers.ContainsKey("If-None-Match"));
    }

    [Fact]
    public async Task A_304_that_makes_the_answer_private_leaves_it_out_of_the_store()
    {
        var path = Unique("/now-private");
        host.Origin.On(path, async context =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.Headers.CacheControl = "private, max-age=60";
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.CacheControl = "public, max-age=0";
            await context.Response.WriteAsync("body");
        });
        (await host.GetAsync(Site, path)).Dispose();

        using var revalidated = await host.GetAsync(Site, path);
        using var next = await host.GetAsync(Site, path);

        // The 304 updates the stored response's Cache-Control (RFC 9111 §4.3.4): it now says private (§5.2.2.7).
        Assert.Equal("body", await revalidated.Content.ReadAsStringAsync());
        Assert.Equal("Appliance; fwd=stale; fwd-status=304; detail=private", CacheHost.CacheStatus(revalidated));
        Assert.StartsWith("Appliance; fwd=uri-miss", CacheHost.CacheStatus(next));
        Assert.Equal(3, host.Origin.Count(path));
    }

    [Fact]
    public async Task A_304_made_from_the_store_carries_the_validators_and_caching_fields_not_the_representations_metadata()
    {
        var path = Unique("/styled");
        host.Origin.On(path, "body { }", ("Cache-Control", "max-age=60"), ("ETag", "\"s1\""), ("Content-Type", "text/css"),
            ("Content-Language", "en"), ("Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT"), ("X-Origin", "kept"));
        (await host.GetAsync(Site, path)).Dispose();

        using var notModified = await host.GetAsync(Site, path, ("If-None-Match", "\"s1\""));

        // RFC 9110 §15.4.5: ETag, Cache-Control, Expires, Vary, Date, Content-Location; other representation metadata SHOULD NOT.
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("\"s1\"", notModified.Headers.ETag?.ToString());
        Assert.Equal("max-age=60", notModified.Headers.CacheControl?.ToString());
        Assert.Equal("kept", notModified.Headers.GetValues("X-Origin").Single());
        Assert.Null(notModified.Content.Headers.ContentType);
        Assert.Empty(notModified.Content.Headers.ContentLanguage);
        Assert.Null(notModified.Content.Headers.LastModified);
    }

    private static string Unique(string path) => $"{path}-{Interlocked.Increment(ref _paths)}";
}
