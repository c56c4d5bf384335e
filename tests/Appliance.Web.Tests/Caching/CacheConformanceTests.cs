using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// RFC 9111 over a real socket where a client or an origin can reach a conformance rule: what they
/// send must neither fail a request nor let one client's answer reach another.
/// </summary>
public sealed class CacheConformanceTests(CacheHost host) : IClassFixture<CacheHost>
{
    private const string Site = "cache.test";
    private const string Overlarge = "99999999999999";

    private static int _paths;

    [Fact]
    public async Task An_overlarge_Age_from_the_origin_is_read_as_2_to_the_31_seconds_not_a_500()
    {
        var path = Unique("/ancient");
        host.Origin.On(path, "old news", ("Cache-Control", "max-age=60"), ("Age", Overlarge));

        using var first = await host.GetAsync(Site, path);
        using var second = await host.GetAsync(Site, path);

        // 2^31 seconds old is far past 60 seconds of freshness: stored, but stale from the start.
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("old news", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.InRange(long.Parse(second.Headers.GetValues("Age").Single(), System.Globalization.CultureInfo.InvariantCulture), 2147483648L, 2147483648L + 10);
        Assert.Equal(2, host.Origin.Count(path));
    }

    [Theory]
    [InlineData("stale-if-error=" + Overlarge)]
    [InlineData("max-age=" + Overlarge)]
    [InlineData("max-stale=" + Overlarge)]
    [InlineData("min-fresh=" + Overlarge)]
    [InlineData("max-age=99999999999999999999999999, stale-if-error=99999999999999999999999999")]
    public async Task A_clients_overlarge_delta_seconds_get_an_answer_not_an_error(string cacheControl)
    {
        var path = Unique("/asked");
        host.Origin.On(path, "answer", ("Cache-Control", "max-age=60"));
        (await host.GetAsync(Site, path)).Dispose();

        using var get = await host.GetAsync(Site, path, ("Cache-Control", cacheControl));
        using var client = host.CreateRawClient();
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, path);
        headRequest.Headers.Host = Site;
        headRequest.Headers.TryAddWithoutValidation("Cache-Control", cacheControl);
        using var head = await client.SendAsync(headRequest);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("answer", await get.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Theory]
    [InlineData("private, max-age=2147483648", "private")]
    [InlineData("private, max-age=" + Overlarge, "private")]
    [InlineData("no-store, max-age=" + Overlarge, "no-store")]
    [InlineData("private, max-age=60, x=\"open", "private")]
    [InlineData("max-age=60, =oops, no-store", "no-store")]
    [InlineData("max-age=60;private", "malformed-cache-control")]
    public async Task A_private_or_no_store_answer_stays_unshared_whatever_else_its_Cache_Control_says(string cacheControl, string detail)
    {
        // Expires would make the answer storable if Cache-Control were dropped whole.
        var path = Unique("/personal");
        var served = 0;
        host.Origin.On(path, async context =>
        {
            context.Response.Headers.CacheControl = cacheControl;
            context.Response.Headers.Expires = "Thu, 01 Jan 2099 00:00:00 GMT";
            await context.Response.WriteAsync("answer " + Interlocked.Increment(ref served));
        });

        using var first = await host.GetAsync(Site, path);
        using var second = await host.GetAsync(Site, path);

        Assert.Equal($"Appliance; fwd=uri-miss; detail={detail}", CacheHost.CacheStatus(first));
        Assert.Equal("answer 2", await second.Content.ReadAsStringAsync());
        Assert.Equal(2, host.Origin.Count(path));
    }

    [Fact]
    public async Task Conflicting_max_age_directives_make_the_answer_stale_so_it_is_validated_before_reuse()
    {
        var path = Unique("/twice");
        host.Origin.On(path, "body", ("Cache-Control", "max-age=600, max-age=5"));

        (await host.GetAsync(Site, path)).Dispose();
        using var second = await host.GetAsync(Site, path);

        Assert.StartsWith("Appliance; fwd=stale", CacheHost.CacheStatus(second));
        Assert.Equal(2, host.Origin.Count(path));
    }

    [Fact]
    public async Task Proxy_revalidate_alone_does_not_share_an_answer_to_a_request_with_Authorization()
    {
        var path = Unique("/mine");
        host.Origin.On(path, async context =>
        {
            context.Response.Headers.CacheControl = "max-age=60, proxy-revalidate";
            await context.Response.WriteAsync("for " + context.Request.Headers.Authorization);
        });

        using var alice = await host.GetAsync(Site, path, ("Authorization", "Bearer alice"));
        using var bob = await host.GetAsync(Site, path, ("Authorization", "Bearer bob"));

        Assert.Equal("Appliance; fwd=uri-miss; detail=request-authorization", CacheHost.CacheStatus(alice));
        Assert.Equal("for Bearer bob", await bob.Content.ReadAsStringAsync());
        Assert.Equal(2, host.Origin.Count(path));
    }

    [Fact]
    public async Task Once_stale_an_s_maxage_answer_is_never_served_without_revalidation()
    {
        var path = Unique("/shared");
        var failing = false;
        host.Origin.On(path, async context =>
        {
            if (Volatile.Read(ref failing))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            context.Response.Headers.CacheControl = "s-maxage=0, stale-while-revalidate=600, stale-if-error=600";
            await context.Response.WriteAsync("shared");
        });
        (await host.GetAsync(Site, path)).Dispose();
        Volatile.Write(ref failing, true);

        // s-maxage implies proxy-revalidate (RFC 9111 §5.2.2.10): no max-stale, no window, no stand-in for a failure.
        using var maxStale = await host.GetAsync(Site, path, ("Cache-Control", "max-stale"));
        using var plain = await host.GetAsync(Site, path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, maxStale.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, plain.StatusCode);
        Assert.Equal("Appliance; fwd=stale", CacheHost.CacheStatus(plain));
        Assert.Equal(3, host.Origin.Count(path));
    }

    [Fact]
    public async Task A_no_cache_answer_is_validated_before_every_use_whatever_stale_window_it_names()
    {
        var path = Unique("/validated");
        var failing = false;
        host.Origin.On(path, async context =>
        {
            if (Volatile.Read(ref failing))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            context.Response.Headers.CacheControl = "no-cache, stale-while-revalidate=600, stale-if-error=600";
            context.Response.Headers.ETag = "\"v1\"";
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            await context.Response.WriteAsync("checked");
        });
        (await host.GetAsync(Site, path)).Dispose();

        // RFC 9111 §5.2.2.4: not used without successful validation, so no answer before the origin's.
        using var validated = await host.GetAsync(Site, path);
        var requestsWhenAnswered = host.Origin.Count(path);
        Volatile.Write(ref failing, true);
        using var failed = await host.GetAsync(Site, path);

        Assert.Equal("checked", await validated.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; fwd=stale; fwd-status=304", CacheHost.CacheStatus(validated));
        Assert.Equal(2, requestsWhenAnswered);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
    }

    [Fact]
    public async Task An_invalid_Date_counts_as_none_so_the_answer_is_as_old_as_its_time_here()
    {
        var path = Unique("/undated");
        host.Origin.On(path, "dated", ("Cache-Control", "max-age=60"), ("Date", "yesterday"));

        (await host.GetAsync(Site, path)).Dispose();
        using var hit = await host.GetAsync(Site, path);

        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(hit));
        Assert.InRange(int.Parse(hit.Headers.GetValues("Age").Single(), System.Globalization.CultureInfo.InvariantCulture), 0, 2);
        Assert.Equal(1, host.Origin.Count(path));
    }

    [Fact]
    public async Task Stale_if_error_hides_500_502_503_and_504_but_a_501_is_the_origins_answer()
    {
        var path = Unique("/flaky");
        var status = StatusCodes.Status200OK;
        host.Origin.On(path, async context =>
        {
            context.Response.StatusCode = Volatile.Read(ref status);
            context.Response.Headers.CacheControl = "max-age=0, stale-if-error=600";
            await context.Response.WriteAsync("status " + context.Response.StatusCode);
        });
        (await host.GetAsync(Site, path)).Dispose();

        Volatile.Write(ref status, StatusCodes.Status501NotImplemented);
        using var notImplemented = await host.GetAsync(Site, path);
        Volatile.Write(ref status, StatusCodes.Status503ServiceUnavailable);
        using var unavailable = await host.GetAsync(Site, path);

        Assert.Equal(HttpStatusCode.NotImplemented, notImplemented.StatusCode);
        Assert.Equal("status 501", await notImplemented.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, unavailable.StatusCode);
        Assert.Equal("status 200", await unavailable.Content.ReadAsStringAsync());
        Assert.Equal("Appliance; fwd=stale; fwd-status=503; detail=stale-if-error", CacheHost.CacheStatus(unavailable));
    }

    [Fact]
    public async Task Cache_Status_says_what_the_store_held_when_a_request_goes_forward()
    {
        var path = Unique("/reasons");
        host.Origin.On(path, async context =>
        {
            context.Response.Headers.CacheControl = "max-age=60";
            context.Response.Headers.Vary = "Accept-Language";
            await context.Response.WriteAsync("lang=" + context.Request.Headers.AcceptLanguage);
        });
        var aged = Unique("/reasons-aged");
        host.Origin.On(aged, "aged", ("Cache-Control", "max-age=60, stale-while-revalidate=600"), ("Age", "100"));

        using var nothingStored = await host.GetAsync(Site, path, ("Accept-Language", "en"), ("Cache-Control", "no-cache"));
        using var otherVariant = await host.GetAsync(Site, path, ("Accept-Language", "fr"));
        using var freshRefused = await host.GetAsync(Site, path, ("Accept-Language", "fr"), ("Cache-Control", "no-cache"));
        using var agedStored = await host.GetAsync(Site, aged);
        using var agedHit = await host.GetAsync(Site, aged);

        // RFC 9211 §2.2: uri-miss, vary-miss, request (a fresh response refused); §2.4: a stale response has a negative ttl.
        Assert.StartsWith("Appliance; fwd=uri-miss; stored", CacheHost.CacheStatus(nothingStored));
        Assert.StartsWith("Appliance; fwd=vary-miss; stored", CacheHost.CacheStatus(otherVariant));
        Assert.StartsWith("Appliance; fwd=request; stored", CacheHost.CacheStatus(freshRefused));
        Assert.Matches(@"^Appliance; fwd=uri-miss; stored; ttl=-4[0-9]$", CacheHost.CacheStatus(agedStored));
        Assert.Matches(@"^Appliance; hit; ttl=-4[0-9]; detail=stale-while-revalidate$", CacheHost.CacheStatus(agedHit));
    }

    [Fact]
    public async Task Requests_that_waited_for_another_ones_fetch_say_collapsed()
    {
        var path = Unique("/together");
        var release = new TaskCompletionSource();
        host.Origin.On(path, async context =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(20));
            context.Response.Headers.CacheControl = "max-age=60";
            await context.Response.WriteAsync("together");
        });
        var missesBefore = await MissesAsync();

        var requests = Enumerable.Range(0, 4).Select(_ => host.GetAsync(Site, path)).ToArray();
        await Eventually.TrueAsync(async () => await MissesAsync() >= missesBefore + 4, TimeSpan.FromSeconds(20), "every request to miss");
        release.SetResult();
        var statuses = (await Task.WhenAll(requests)).Select(response =>
        {
            using (response)
            {
                return CacheHost.CacheStatus(response);
            }
        }).ToArray();

        // RFC 9211 §2.7: a request collapsed with another's fetch went forward with it and reused its answer.
        // ttl is 60 less the Date's whole-second granularity and this machine's pace.
        Assert.Equal(1, host.Origin.Count(path));
        var described = string.Join(" / ", statuses);
        Assert.True(statuses.Count(s => s.StartsWith("Appliance; fwd=uri-miss; stored; ttl=", StringComparison.Ordinal)) == 1, described);
        Assert.True(statuses.Count(s => System.Text.RegularExpressions.Regex.IsMatch(s, "^Appliance; fwd=uri-miss; collapsed; ttl=[56][0-9]$")) == 3, described);
    }

    private async Task<long> MissesAsync() =>
        (await host.Api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/cache/stats")).GetProperty("misses").GetInt64();

    private static string Unique(string path) => $"{path}-{Interlocked.Increment(ref _paths)}";
}
