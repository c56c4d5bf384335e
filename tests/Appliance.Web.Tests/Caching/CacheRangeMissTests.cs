using System.Net;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// Range requests for objects the cache does not hold, over a real socket: the whole object is fetched and
/// stored when the rule allows it and the range answered from it; an object the cache cannot store (too
/// large for its rule, or not storable at all) has its later ranges forwarded as they came, stored nowhere.
/// </summary>
public sealed class CacheRangeMissTests(CacheHost host) : IClassFixture<CacheHost>
{
    private const string Site = "cache.test";

    private static readonly string Body = string.Concat(Enumerable.Range(0, 200).Select(i => $"{i:D4} "));

    // Over the 4096 bytes of the /small/ rule.
    private static readonly string Large = string.Concat(Enumerable.Repeat(Body, 10));

    private static int _paths;

    [Fact]
    public async Task A_range_miss_fetches_the_whole_object_stores_it_and_answers_the_range_from_it()
    {
        var path = Unique("/miss");
        Serve(path, Body, "max-age=600");

        using var first = await host.GetAsync(Site, path, ("Range", "bytes=0-9"));
        using var second = await host.GetAsync(Site, path, ("Range", "bytes=-5"));
        using var whole = await host.GetAsync(Site, path);

        Assert.Equal(HttpStatusCode.PartialContent, first.StatusCode);
        Assert.Equal("bytes 0-9/1000", first.Content.Headers.ContentRange!.ToString());
        Assert.Equal(Body[..10], await first.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; fwd=uri-miss", CacheHost.CacheStatus(first));
        Assert.Equal(HttpStatusCode.PartialContent, second.StatusCode);
        Assert.Equal(Body[^5..], await second.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(second));
        Assert.Equal(Body, await whole.Content.ReadAsStringAsync());
        var asked = Assert.Single(host.Origin.RequestsTo(path));
        Assert.False(asked.Headers.ContainsKey("Range"));
        Assert.False(asked.Headers.ContainsKey("If-Range"));
    }

    [Fact]
    public async Task A_range_miss_answers_If_Range_itself_against_what_it_fetched()
    {
        var matching = Unique("/miss-ifrange");
        var stale = Unique("/miss-ifrange");
        Serve(matching, Body, "max-age=600");
        Serve(stale, Body, "max-age=600");

        using var part = await host.GetAsync(Site, matching, ("Range", "bytes=0-9"), ("If-Range", "\"r1\""));
        using var whole = await host.GetAsync(Site, stale, ("Range", "bytes=0-9"), ("If-Range", "\"r0\""));

        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(Body[..10], await part.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(Body, await whole.Content.ReadAsStringAsync());
        Assert.False(host.Origin.RequestsTo(stale).Single().Headers.ContainsKey("If-Range"));
    }

    [Fact]
    public async Task A_range_miss_past_the_end_is_a_416_once_the_object_is_stored()
    {
        var path = Unique("/miss-past");
        Serve(path, Body, "max-age=600");

        using var refused = await host.GetAsync(Site, path, ("Range", "bytes=1000-"));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);
        Assert.Equal("bytes */1000", refused.Content.Headers.ContentRange!.ToString());
        Assert.False(host.Origin.RequestsTo(path).Single().Headers.ContainsKey("Range"));
    }

    [Fact]
    public async Task An_object_too_large_for_its_rule_has_its_later_ranges_forwarded_and_stored_nowhere()
    {
        var path = Unique("/small/video");
        Serve(path, Large, "max-age=600");

        // The first sight fetches the whole to learn its size, and cuts the range out of it as it streams by.
        using var first = await host.GetAsync(Site, path, ("Range", "bytes=5000-5009"));
        using var forwarded = await host.GetAsync(Site, path, ("Range", "bytes=100-109"));
        using var again = await host.GetAsync(Site, path, ("Range", "bytes=100-109"));

        Assert.Equal(HttpStatusCode.PartialContent, first.StatusCode);
        Assert.Equal("bytes 5000-5009/10000", first.Content.Headers.ContentRange!.ToString());
        Assert.Equal(Large[5000..5010], await first.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; fwd=uri-miss; detail=too-large", CacheHost.CacheStatus(first));
        Assert.Equal(HttpStatusCode.PartialContent, forwarded.StatusCode);
        Assert.Equal("bytes 100-109/10000", forwarded.Content.Headers.ContentRange!.ToString());
        Assert.Equal(Large[100..110], await forwarded.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; fwd=uri-miss", CacheHost.CacheStatus(again));
        var asked = host.Origin.RequestsTo(path);
        Assert.Equal(3, asked.Count);
        Assert.False(asked[0].Headers.ContainsKey("Range"));
        Assert.Equal("bytes=100-109", asked[1].Headers["Range"]);
        Assert.Equal("bytes=100-109", asked[2].Headers["Range"]);
    }

    [Fact]
    public async Task A_ranged_request_for_an_answer_the_cache_must_not_store_reaches_the_origin_every_time()
    {
        var path = Unique("/private-range");
        Serve(path, Body, "no-store");

        using var first = await host.GetAsync(Site, path, ("Range", "bytes=0-9"));
        using var forwarded = await host.GetAsync(Site, path, ("Range", "bytes=0-9"));
        using var plain = await host.GetAsync(Site, path);

        Assert.Equal(HttpStatusCode.PartialContent, first.StatusCode);
        Assert.Equal(Body[..10], await first.Content.ReadAsStringAsync());
        Assert.Equal("Appliance; fwd=uri-miss; detail=no-store", CacheHost.CacheStatus(first));
        Assert.Equal(HttpStatusCode.PartialContent, forwarded.StatusCode);
        Assert.Equal(Body[..10], await forwarded.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(3, host.Origin.Count(path));
        Assert.Equal("bytes=0-9", host.Origin.RequestsTo(path)[1].Headers["Range"]);
    }

    [Theory]
    [InlineData("bytes=20000-", "", HttpStatusCode.RequestedRangeNotSatisfiable, 0)]
    [InlineData("bytes=0-9", "\"r0\"", HttpStatusCode.OK, 10000)]
    [InlineData("bytes=0-9,20-29", "", HttpStatusCode.OK, 10000)]
    [InlineData("bytes=9990-", "\"r1\"", HttpStatusCode.PartialContent, 10)]
    public async Task An_unstored_whole_answer_streaming_through_still_answers_the_range_it_can(string range, string ifRange, HttpStatusCode expected, int length)
    {
        var path = Unique("/small/stream");
        Serve(path, Large, "max-age=600");
        var headers = ifRange.Length > 0 ? new[] { ("Range", range), ("If-Range", ifRange) } : new[] { ("Range", range) };

        using var answer = await host.GetAsync(Site, path, headers);

        Assert.Equal(expected, answer.StatusCode);
        Assert.Equal(length, (await answer.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(length, answer.Content.Headers.ContentLength);
        if (expected == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            Assert.Equal("bytes */10000", answer.Content.Headers.ContentRange!.ToString());
        }

        Assert.False(host.Origin.RequestsTo(path).Single().Headers.ContainsKey("Range"));
    }

    [Fact]
    public async Task A_URL_whose_whole_answer_is_stored_later_has_its_ranges_answered_by_the_cache_again()
    {
        var path = Unique("/changed");
        Serve(path, Body, "no-store");
        (await host.GetAsync(Site, path, ("Range", "bytes=0-9"))).Dispose();

        // The origin now allows storing: a plain miss stores the whole, and ranges come from the cache again.
        Serve(path, Body, "max-age=600");
        (await host.GetAsync(Site, path)).Dispose();
        using var hit = await host.GetAsync(Site, path, ("Range", "bytes=0-9"));

        Assert.Equal(HttpStatusCode.PartialContent, hit.StatusCode);
        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(hit));
        Assert.Equal(2, host.Origin.Count(path));
    }

    [Fact]
    public async Task An_origin_failing_a_range_miss_does_not_stop_the_URLs_ranges_being_cached_later()
    {
        var path = Unique("/flaky-range");
        host.Origin.On(path, context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        using var failed = await host.GetAsync(Site, path, ("Range", "bytes=0-9"));

        Serve(path, Body, "max-age=600");
        using var stored = await host.GetAsync(Site, path, ("Range", "bytes=0-9"));
        using var hit = await host.GetAsync(Site, path, ("Range", "bytes=10-19"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, stored.StatusCode);
        Assert.False(host.Origin.RequestsTo(path)[1].Headers.ContainsKey("Range"));
        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(hit));
        Assert.Equal(Body[10..20], await hit.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("bytes=-5-10")]
    [InlineData("bytes=")]
    [InlineData("items=0-5")]
    [InlineData("bytes=0-0,0-0,0-0")]
    public async Task A_miss_with_an_unusable_range_stores_the_whole_and_sends_it(string range)
    {
        var path = Unique("/miss-odd");
        Serve(path, Body, "max-age=600");

        using var whole = await host.GetAsync(Site, path, ("Range", range));
        using var hit = await host.GetAsync(Site, path);

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(Body, await whole.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(hit));
    }

    private static string Unique(string path) => $"{path}-{Interlocked.Increment(ref _paths)}";

    // An origin that answers one simple range itself (bytes=a-b), as most do, and the whole otherwise.
    private void Serve(string path, string body, string cacheControl) => host.Origin.On(path, async context =>
    {
        context.Response.Headers.CacheControl = cacheControl;
        context.Response.Headers.ETag = "\"r1\"";
        context.Response.ContentType = "text/plain";
        var range = context.Request.Headers.Range.ToString();
        if (range.StartsWith("bytes=", StringComparison.Ordinal) && range[6..].Split('-') is [var a, var b]
            && int.TryParse(a, out var first) && int.TryParse(b, out var last))
        {
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes {first}-{last}/{body.Length}";
            await context.Response.WriteAsync(body[first..(last + 1)]);
            return;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.WriteAsync(body);
    });
}
