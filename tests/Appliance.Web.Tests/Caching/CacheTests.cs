using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Caching;

public sealed class CacheTests(CacheHost host) : IClassFixture<CacheHost>
{
    private static int _paths;

    [Fact]
    public async Task A_response_fresh_by_max_age_is_served_from_the_cache_with_Age_and_Cache_Status()
    {
        var path = Unique("/max-age.css");
        host.Origin.On(path, "body { }", ("Cache-Control", "max-age=60"));

        using var first = await GetAsync(path);
        using var second = await GetAsync(path);

        Assert.Equal(1, host.Origin.Count(path));
        Assert.Equal("body { }", await second.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; fwd=uri-miss; stored; ttl=", CacheStatus(first));
        Assert.StartsWith("Appliance; hit; ttl=", CacheStatus(second));
        Assert.InRange(int.Parse(second.Headers.GetValues("Age").Single(), System.Globalization.CultureInfo.InvariantCulture), 0, 2);
    }

    [Fact]
    public async Task S_maxage_wins_over_max_age_and_Expires_gives_freshness_too()
    {
        var shared = Unique("/s-maxage");
        host.Origin.On(shared, "shared", ("Cache-Control", "max-age=0, s-maxage=60"));
        var expires = Unique("/expires");
        host.Origin.On(expires, async context =>
        {
            context.Response.Headers.Date = DateTimeOffset.UtcNow.ToString("R");
            context.Response.Headers.Expires = DateTimeOffset.UtcNow.AddMinutes(5).ToString("R");
            await context.Response.WriteAsync("expires");
        });
        var expired = Unique("/expired");
        host.Origin.On(expired, "expired", ("Expires", "0"));

        foreach (var path in new[] { shared, expires, expired })
        {
            (await GetAsync(path)).Dispose();
            (await GetAsync(path)).Dispose();
        }

        Assert.Equal(1, host.Origin.Count(shared));
        Assert.Equal(1, host.Origin.Count(expires));
        Assert.Equal(2, host.Origin.Count(expired));
    }

    [Fact]
    public async Task No_store_private_Set_Cookie_and_Authorization_are_not_stored_unless_allowed()
    {
        var noStore = Unique("/no-store");
        host.Origin.On(noStore, "x", ("Cache-Control", "no-store, max-age=60"));
        var isPrivate = Unique("/private");
        host.Origin.On(isPrivate, "x", ("Cache-Control", "private, max-age=60"));
        var cookie = Unique("/cookie");
        host.Origin.On(cookie, "x", ("Cache-Control", "max-age=60"), ("Set-Cookie", "session=secret"));
        var publicCookie = Unique("/public-cookie");
        host.Origin.On(publicCookie, "x", ("Cache-Control", "public, max-age=60"), ("Set-Cookie", "tracking=1"));
        var authorized = Unique("/authorized");
        host.Origin.On(authorized, "x", ("Cache-Control", "max-age=60"));

        foreach (var path in new[] { noStore, isPrivate, cookie, publicCookie })
        {
            (await GetAsync(path)).Dispose();
            (await GetAsync(path)).Dispose();
        }

        for (var i = 0; i < 2; i++)
        {
            (await GetAsync(authorized, ("Authorization", "Bearer someone"))).Dispose();
        }

        Assert.Equal(2, host.Origin.Count(noStore));
        Assert.Equal(2, host.Origin.Count(isPrivate));
        Assert.Equal(2, host.Origin.Count(cookie));
        Assert.Equal(2, host.Origin.Count(authorized));

        // Stored because "public" allows it, but nobody else's cookie is ever replayed from the cache.
        Assert.Equal(1, host.Origin.Count(publicCookie));
        using var replay = await GetAsync(publicCookie);
        Assert.False(replay.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Vary_keeps_variants_apart_and_Vary_star_is_not_stored()
    {
        var varied = Unique("/varied");
        host.Origin.On(varied, async context =>
        {
            context.Response.Headers.CacheControl = "max-age=60";
            context.Response.Headers.Vary = "Accept-Language";
            await context.Response.WriteAsync("lang=" + context.Request.Headers.AcceptLanguage);
        });
        var star = Unique("/star");
        host.Origin.On(star, "x", ("Cache-Control", "max-age=60"), ("Vary", "*"));

        Assert.Equal("lang=en", await (await GetAsync(varied, ("Accept-Language", "en"))).Content.ReadAsStringAsync());
        Assert.Equal("lang=fr", await (await GetAsync(varied, ("Accept-Language", "fr"))).Content.ReadAsStringAsync());
        Assert.Equal("lang=en", await (await GetAsync(varied, ("Accept-Language", "en"))).Content.ReadAsStringAsync());
        Assert.Equal("lang=fr", await (await GetAsync(varied, ("Accept-Language", "fr"))).Content.ReadAsStringAsync());
        Assert.Equal(2, host.Origin.Count(varied));

        (await GetAsync(star)).Dispose();
        (await GetAsync(star)).Dispose();
        Assert.Equal(2, host.Origin.Count(star));
    }

    [Fact]
    public async Task Clients_own_conditional_requests_get_304_from_the_cache_and_HEAD_is_answered_from_a_stored_GET()
    {
        var path = Unique("/conditional.js");
        host.Origin.On(path, "let x = 1;", ("Cache-Control", "max-age=60"), ("ETag", "\"abc\""), ("Content-Type", "text/javascript"));
        (await GetAsync(path)).Dispose();

        using var notModified = await GetAsync(path, ("If-None-Match", "\"abc\""));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        head.Headers.Host = "cache.test";
        using var client = host.CreateRawClient();
        using var headResponse = await client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Equal(10, headResponse.Content.Headers.ContentLength);
        Assert.Equal(1, host.Origin.Count(path));
    }

    [Fact]
    public async Task A_successful_POST_invalidates_the_stored_entry_for_its_URL()
    {
        var path = Unique("/cart");
        host.Origin.On(path, async context =>
        {
            if (HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            context.Response.Headers.CacheControl = "max-age=60";
            await context.Response.WriteAsync("cart");
        });

        (await GetAsync(path)).Dispose();
        (await GetAsync(path)).Dispose();
        using var client = host.CreateRawClient();
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("item") };
        post.Headers.Host = "cache.test";
        (await client.SendAsync(post)).Dispose();
        (await GetAsync(path)).Dispose();

        Assert.Equal(2, host.Origin.RequestsTo(path).Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task A_response_that_cannot_be_stored_streams_through_without_waiting_for_its_end()
    {
        var path = Unique("/events");
        var gate = new TaskCompletionSource();
        host.Origin.On(path, async context =>
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync("data: first\n\n");
            await context.Response.Body.FlushAsync();
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await context.Response.WriteAsync("data: second\n\n");
        });

        using var client = host.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "cache.test";
        // Headers and the first event must arrive while the origin is still holding the rest back.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(5));
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("data: first\n\n", System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        gate.SetResult();
    }

    [Fact]
    public async Task Fifty_concurrent_misses_make_one_origin_request()
    {
        var path = Unique("/popular.json");
        var release = new TaskCompletionSource();
        host.Origin.On(path, async context =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            context.Response.Headers.CacheControl = "max-age=60";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"popular\":true}");
        });

        using var client = host.CreateRawClient();
        var requests = Enumerable.Range(0, 50).Select(_ => client.GetWithHostAsync("cache.test", path)).ToArray();
        await Eventually.TrueAsync(() => host.Origin.Count(path) >= 1, TimeSpan.FromSeconds(10), "the first request to reach the origin");
        release.SetResult();
        var responses = await Task.WhenAll(requests);

        Assert.Equal(1, host.Origin.Count(path));
        foreach (var response in responses)
        {
            Assert.Equal("{\"popular\":true}", await response.Content.ReadAsStringAsync());
            response.Dispose();
        }
    }

    [Fact]
    public async Task Entries_are_purged_by_URL_and_by_prefix()
    {
        var one = Unique("/purge/one.css");
        var two = Unique("/purge/two.css");
        var other = Unique("/keep.css");
        foreach (var path in new[] { one, two, other })
        {
            host.Origin.On(path, "x", ("Cache-Control", "max-age=600"));
            (await GetAsync(path)).Dispose();
        }

        using (var purgeOne = await host.Api.PostAsJsonAsync("/api/v1/cache/purge", new { url = "http://cache.test" + one }))
        {
            Assert.Equal(1, (await purgeOne.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("purged").GetInt32());
        }

        (await GetAsync(one)).Dispose();
        (await GetAsync(two)).Dispose();
        Assert.Equal(2, host.Origin.Count(one));
        Assert.Equal(1, host.Origin.Count(two));

        using (var purgePrefix = await host.Api.PostAsJsonAsync("/api/v1/cache/purge", new { prefix = "http://cache.test/purge/" }))
        {
            Assert.True((await purgePrefix.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("purged").GetInt32() >= 2);
        }

        (await GetAsync(two)).Dispose();
        (await GetAsync(other)).Dispose();
        Assert.Equal(2, host.Origin.Count(two));
        Assert.Equal(1, host.Origin.Count(other));

        using var bad = await host.Api.PostAsJsonAsync("/api/v1/cache/purge", new { url = "not a url" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // Each purge is on the audit trail with who asked and what, a refused one is not.
        var audit = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=50");
        var purges = audit.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "Purge").ToList();
        Assert.Contains(purges, e => e.GetProperty("entityName").GetString() == "http://cache.test" + one && e.GetProperty("entityType").GetString() == "cache");
        Assert.Contains(purges, e => e.GetProperty("entityName").GetString() == "http://cache.test/purge/");
        Assert.DoesNotContain(purges, e => e.GetProperty("entityName").GetString() == "not a url");
        var stats = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/cache/stats");
        Assert.True(stats.GetProperty("hits").GetInt64() > 0);
        Assert.True(stats.GetProperty("entries").GetInt64() > 0);
    }

    [Fact]
    public async Task Rules_decide_default_TTL_object_size_and_query_strings()
    {
        var ttl = "/ttl/" + Unique("a.css")[1..];
        host.Origin.On(ttl, "no freshness from the origin");
        var plain = Unique("/no-freshness.css");
        host.Origin.On(plain, "no freshness from the origin");
        var large = Unique("/small/large.bin");
        host.Origin.On(large, new string('x', 8192), ("Cache-Control", "max-age=60"));
        var noQuery = Unique("/app.noquery");
        host.Origin.On(noQuery, "same", ("Cache-Control", "max-age=60"));

        foreach (var path in new[] { ttl, plain, large })
        {
            (await GetAsync(path)).Dispose();
            (await GetAsync(path)).Dispose();
        }

        (await GetAsync(noQuery + "?v=1")).Dispose();
        (await GetAsync(noQuery + "?v=2")).Dispose();

        Assert.Equal(1, host.Origin.Count(ttl));
        Assert.Equal(2, host.Origin.Count(plain));
        Assert.Equal(2, host.Origin.Count(large));
        Assert.Equal(1, host.Origin.Count(noQuery));
        Assert.Equal(8192, (await (await GetAsync(large)).Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Age_counts_the_origins_Age_and_time_spent_in_the_cache()
    {
        var path = Unique("/aged");
        host.Origin.On(path, "aged", ("Cache-Control", "max-age=600"), ("Age", "100"));

        (await GetAsync(path)).Dispose();
        using var hit = await GetAsync(path);

        var age = int.Parse(hit.Headers.GetValues("Age").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(age, 100, 102);
        Assert.Matches(@"^Appliance; hit; ttl=(49[0-9]|500)$", CacheStatus(hit));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var client = host.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "cache.test";
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string CacheStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Status", out var values) ? values.Single() : "";

    private static string Unique(string path)
    {
        var n = Interlocked.Increment(ref _paths);
        var dot = path.LastIndexOf('.');
        return dot > path.LastIndexOf('/') ? $"{path[..dot]}-{n}{path[dot..]}" : $"{path}-{n}";
    }
}
