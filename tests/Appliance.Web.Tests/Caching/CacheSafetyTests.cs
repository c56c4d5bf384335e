using System.Net;

namespace Appliance.Web.Tests.Caching;

/// <summary>The cache's defences: rule patterns that cannot stall a request, nobody's page or cookie served to others, and nobody's own cookie lost.</summary>
public sealed class CacheSafetyTests(CacheSafetyHost host) : IClassFixture<CacheSafetyHost>
{
    private static int _paths;

    [Fact]
    public async Task A_long_path_under_a_double_star_glob_gets_the_origins_answer_not_500()
    {
        // Close to Kestrel's 8 KiB request line: thousands of slashes, and an ending the glob does not take.
        var path = string.Concat(Enumerable.Repeat("/a", 3_900)) + Unique("/style.cs");
        host.Origin.On(path, "from the origin");

        using var response = await host.GetAsync(CacheSafetyHost.Site, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from the origin", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, host.Origin.Count(path));
    }

    [Fact]
    public async Task Under_a_default_TTL_an_answer_to_a_request_with_a_cookie_or_credentials_is_not_stored_and_Cache_Status_says_why()
    {
        // Web cache deception: a personal page asked for under a name the rule caches.
        var path = Unique("/account/profile.jpg");
        host.Origin.On(path, async context =>
        {
            context.Response.ContentType = "image/jpeg";
            var who = context.Request.Headers.Cookie.ToString() + context.Request.Headers.Authorization.ToString();
            await context.Response.WriteAsync("photo of " + (who.Length > 0 ? who : "nobody"));
        });
        var revalidated = Unique("/account/avatar.jpg");
        host.Origin.On(revalidated, "photo", ("Cache-Control", "must-revalidate"), ("Content-Type", "image/jpeg"));

        using var personal = await host.GetAsync(CacheSafetyHost.Site, path, ("Cookie", "session=alice"));
        using var anonymous = await host.GetAsync(CacheSafetyHost.Site, path);
        using var authorized = await host.GetAsync(CacheSafetyHost.Site, revalidated, ("Authorization", "Bearer alice"));
        (await host.GetAsync(CacheSafetyHost.Site, revalidated)).Dispose();

        Assert.Equal("photo of session=alice", await personal.Content.ReadAsStringAsync());
        Assert.Equal("Appliance; fwd=uri-miss; detail=request-cookie", CacheHost.CacheStatus(personal));
        Assert.Equal("photo of nobody", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(2, host.Origin.Count(path));

        // must-revalidate lets a cache share an answer to Authorization (RFC 9111 §3.5), but a default TTL is the appliance's guess, not the origin's word.
        Assert.Equal("Appliance; fwd=uri-miss; detail=request-authorization", CacheHost.CacheStatus(authorized));
        Assert.Equal(2, host.Origin.Count(revalidated));
    }

    [Fact]
    public async Task An_answer_whose_type_does_not_fit_the_rules_extension_is_not_stored()
    {
        var page = Unique("/account/settings.jpg");
        host.Origin.On(page, "<html>alice's settings</html>", ("Content-Type", "text/html; charset=utf-8"));
        var explicitPage = Unique("/account/style.css");
        host.Origin.On(explicitPage, "<html>alice</html>", ("Cache-Control", "public, max-age=60"), ("Content-Type", "text/html"));

        using var first = await host.GetAsync(CacheSafetyHost.Site, page);
        (await host.GetAsync(CacheSafetyHost.Site, page)).Dispose();
        (await host.GetAsync(CacheSafetyHost.Site, explicitPage)).Dispose();
        (await host.GetAsync(CacheSafetyHost.Site, explicitPage)).Dispose();

        Assert.Equal("Appliance; fwd=uri-miss; detail=content-type-mismatch", CacheHost.CacheStatus(first));
        Assert.Equal(2, host.Origin.Count(page));
        Assert.Equal(2, host.Origin.Count(explicitPage));
    }

    [Fact]
    public async Task Real_images_and_stylesheets_are_stored_and_a_public_answer_to_a_request_with_a_cookie_too()
    {
        var image = Unique("/img/logo.jpg");
        host.Origin.On(image, "jpeg bytes", ("Content-Type", "image/jpeg"));
        var style = Unique("/css/site.css");
        host.Origin.On(style, "body { }", ("Cache-Control", "max-age=60"), ("Content-Type", "text/css; charset=utf-8"));
        var shared = Unique("/img/banner.jpg");
        host.Origin.On(shared, "banner", ("Cache-Control", "public"), ("Content-Type", "image/jpeg"));

        (await host.GetAsync(CacheSafetyHost.Site, image)).Dispose();
        using var imageHit = await host.GetAsync(CacheSafetyHost.Site, image);
        (await host.GetAsync(CacheSafetyHost.Site, style)).Dispose();
        (await host.GetAsync(CacheSafetyHost.Site, style)).Dispose();
        (await host.GetAsync(CacheSafetyHost.Site, shared, ("Cookie", "session=alice"))).Dispose();
        using var sharedHit = await host.GetAsync(CacheSafetyHost.Site, shared);

        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(imageHit));
        Assert.Equal(1, host.Origin.Count(image));
        Assert.Equal(1, host.Origin.Count(style));
        Assert.Equal("banner", await sharedHit.Content.ReadAsStringAsync());
        Assert.Equal(1, host.Origin.Count(shared));
    }

    [Fact]
    public async Task Cache_Status_names_what_else_kept_an_answer_out_of_the_store()
    {
        var cases = new (string Detail, (string, string)[] Headers)[]
        {
            ("no-store", [("Cache-Control", "no-store, max-age=60")]),
            ("private", [("Cache-Control", "private, max-age=60")]),
            ("set-cookie", [("Cache-Control", "max-age=60"), ("Set-Cookie", "session=secret")]),
            ("no-freshness", []),
        };
        foreach (var (detail, headers) in cases)
        {
            var path = Unique("/" + detail + ".css");
            host.Origin.On(path, "body { }", [.. headers, ("Content-Type", "text/css")]);

            using var response = await host.GetAsync(CacheSafetyHost.Site, path);

            Assert.Equal($"Appliance; fwd=uri-miss; detail={detail}", CacheHost.CacheStatus(response));
        }
    }

    [Fact]
    public async Task The_client_whose_miss_stored_an_answer_gets_its_Set_Cookie_and_later_hits_do_not()
    {
        var path = Unique("/welcome");
        host.Origin.On(path, "welcome", ("Cache-Control", "public, max-age=60"), ("Set-Cookie", "visitor=1; Path=/"), ("Set-Cookie", "theme=dark"));

        using var miss = await host.GetAsync("cache.test", path);
        using var hit = await host.GetAsync("cache.test", path);

        Assert.StartsWith("Appliance; fwd=uri-miss; stored", CacheHost.CacheStatus(miss));
        Assert.Equal(["visitor=1; Path=/", "theme=dark"], miss.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(hit));
        Assert.False(hit.Headers.Contains("Set-Cookie"));
        Assert.Equal(1, host.Origin.Count(path));
    }

    [Fact]
    public async Task The_client_whose_revalidation_got_a_304_with_Set_Cookie_gets_it_and_later_hits_do_not()
    {
        var path = Unique("/refreshed");
        host.Origin.On(path, async context =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.Headers.CacheControl = "public, max-age=60";
                context.Response.Headers.SetCookie = "refreshed=1";
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.CacheControl = "max-age=0";
            await context.Response.WriteAsync("version one");
        });

        (await host.GetAsync("cache.test", path)).Dispose();
        using var revalidated = await host.GetAsync("cache.test", path);
        using var hit = await host.GetAsync("cache.test", path);

        Assert.StartsWith("Appliance; fwd=stale; fwd-status=304; stored", CacheHost.CacheStatus(revalidated));
        Assert.Equal("refreshed=1", revalidated.Headers.GetValues("Set-Cookie").Single());
        Assert.Equal("version one", await hit.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(hit));
        Assert.False(hit.Headers.Contains("Set-Cookie"));
        Assert.Equal(2, host.Origin.Count(path));
    }

    private static string Unique(string path)
    {
        var n = Interlocked.Increment(ref _paths);
        var dot = path.LastIndexOf('.');
        return dot > path.LastIndexOf('/') ? $"{path[..dot]}-{n}{path[dot..]}" : $"{path}-{n}";
    }
}
