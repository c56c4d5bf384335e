using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// Issue 17's conformance details over real sockets, against scripted origins: targeted cache fields (RFC 9213),
/// strict HTTP-dates, Age lists, Connection-named fields, interim responses and heuristic freshness.
/// </summary>
public sealed class CacheConformanceDetailsTests(CacheConformanceHost host) : IClassFixture<CacheConformanceHost>
{
    private const string Site = "cache.test";
    private const string Raw = "raw.test";

    private static int _paths;

    [Theory]
    [InlineData(CacheConformanceHost.OwnField)]
    [InlineData("edge-cache-control")]
    public async Task The_cache_obeys_its_own_field_over_Cache_Control_and_never_passes_it_on(string fieldAsSent)
    {
        var path = Unique("/own");
        host.Origin.On(path, "mine", ("Cache-Control", "no-store"), (fieldAsSent, "max-age=600"));

        using var first = await host.GetAsync(Site, path);
        using var second = await host.GetAsync(Site, path);

        Assert.Equal(1, host.Origin.Count(path));
        Assert.Contains("; hit; ttl=", CacheHost.CacheStatus(second), StringComparison.Ordinal);
        Assert.Equal("mine", await second.Content.ReadAsStringAsync());
        foreach (var response in new[] { first, second })
        {
            Assert.False(response.Headers.Contains(CacheConformanceHost.OwnField));
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task CDN_Cache_Control_decides_for_this_cache_and_goes_on_to_CDNs_in_front()
    {
        var path = Unique("/cdn");
        host.Origin.On(path, "edge", ("Cache-Control", "max-age=600"), ("CDN-Cache-Control", "no-store"));

        using var first = await host.GetAsync(Site, path);
        using var second = await host.GetAsync(Site, path);

        Assert.Equal(2, host.Origin.Count(path));
        Assert.Contains("detail=no-store", CacheHost.CacheStatus(second), StringComparison.Ordinal);
        Assert.Equal("no-store", first.Headers.GetValues("CDN-Cache-Control").Single());
        Assert.Equal("no-store", second.Headers.GetValues("CDN-Cache-Control").Single());
        Assert.Equal("max-age=600", second.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_invalid_targeted_field_is_ignored_and_Cache_Control_decides()
    {
        var path = Unique("/sloppy");
        host.Origin.On(path, "cc", ("Cache-Control", "max-age=600"), ("CDN-Cache-Control", "max-age =0"));

        (await host.GetAsync(Site, path)).Dispose();
        using var second = await host.GetAsync(Site, path);

        Assert.Equal(1, host.Origin.Count(path));
        Assert.Contains("; hit; ttl=", CacheHost.CacheStatus(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_renamed_field_is_the_cache_s_own_and_the_default_name_is_just_another_header()
    {
        var path = Unique("/renamed");
        host.Origin.On(path, "theirs", ("Cache-Control", "no-store"), ("Appliance-Cache-Control", "max-age=600"));

        (await host.GetAsync(Site, path)).Dispose();
        using var second = await host.GetAsync(Site, path);

        Assert.Equal(2, host.Origin.Count(path));
        Assert.Equal("max-age=600", second.Headers.GetValues("Appliance-Cache-Control").Single());
    }

    [Fact]
    public async Task The_own_field_is_taken_off_on_a_route_without_cache_rules_too()
    {
        var path = Unique("/uncached");
        host.Origin.On(path, "plain", (CacheConformanceHost.OwnField, "max-age=60"), ("X-Other", "kept"));

        using var response = await host.GetAsync("plain.test", path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(CacheConformanceHost.OwnField));
        Assert.Equal("kept", response.Headers.GetValues("X-Other").Single());
    }

    [Theory]
    [InlineData("{0:R}", 1)]
    [InlineData("{0:dddd, dd-MMM-yy HH:mm:ss} GMT", 1)]
    [InlineData("{0:ddd MMM d HH:mm:ss yyyy}", 1)]
    [InlineData("{0:ddd, dd MMM yyyy HH:mm:ss} UTC", 2)]
    [InlineData("{0:yyyy-MM-ddTHH:mm:ssZ}", 2)]
    [InlineData("{0:ddd dd MMM yyyy HH:mm:ss} GMT", 2)]
    public async Task Expires_is_read_only_in_the_three_HTTP_date_forms_anything_else_is_already_expired(string format, int originRequests)
    {
        var path = Unique("/expires");
        var inAnHour = DateTimeOffset.UtcNow.AddHours(1);
        var expires = string.Format(CultureInfo.InvariantCulture, format, inAnHour.UtcDateTime);
        if (format.StartsWith("{0:ddd MMM d ", StringComparison.Ordinal) && inAnHour.Day < 10)
        {
            // asctime pads a one-digit day with a space.
            expires = expires.Insert(8, " ");
        }

        host.Origin.On(path, "dated", ("Expires", expires));

        (await host.GetAsync(Site, path)).Dispose();
        (await host.GetAsync(Site, path)).Dispose();

        Assert.Equal(originRequests, host.Origin.Count(path));
    }

    [Theory]
    [InlineData("0, 7200")]
    [InlineData("-30")]
    [InlineData("12.5")]
    [InlineData("soon")]
    public async Task Age_uses_the_first_member_of_a_list_and_an_invalid_one_is_ignored(string age)
    {
        var path = Unique("/age");
        host.Origin.On(path, "aged", ("Cache-Control", "max-age=600"), ("Age", age));

        (await host.GetAsync(Site, path)).Dispose();
        using var second = await host.GetAsync(Site, path);

        Assert.Equal(1, host.Origin.Count(path));
        Assert.InRange(long.Parse(second.Headers.GetValues("Age").Single(), CultureInfo.InvariantCulture), 0, 30);
    }

    [Fact]
    public async Task Fields_the_origin_names_in_Connection_are_neither_forwarded_nor_stored()
    {
        var path = Unique("/hop");
        host.Raw.On(path, "HTTP/1.1 200 OK\r\nConnection: keep-alive, X-Hop\r\nX-Hop: for-the-proxy\r\nX-Kept: end-to-end\r\n"
            + "Cache-Control: max-age=600\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");

        using var first = await host.GetAsync(Raw, path);
        using var second = await host.GetAsync(Raw, path);

        Assert.Equal(1, host.Raw.Count(path));
        Assert.Contains("; hit; ttl=", CacheHost.CacheStatus(second), StringComparison.Ordinal);
        foreach (var response in new[] { first, second })
        {
            Assert.Equal("ok", await response.Content.ReadAsStringAsync());
            Assert.False(response.Headers.Contains("X-Hop"));
            Assert.Equal("end-to-end", response.Headers.GetValues("X-Kept").Single());
        }
    }

    [Fact]
    public async Task A_103_from_the_origin_is_not_stored_and_the_final_answer_is_the_one_cached()
    {
        // YARP forwards through HttpClient, which reads interim responses and drops them: an HTTP/1.1 client gets
        // the final answer only (docs/cache-conformance.md). What must hold: the 103 is never stored or merged.
        var path = Unique("/hints");
        host.Raw.On(path, "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nCache-Control: max-age=600\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfinal");

        var first = await RawExchangeAsync(path);
        var second = await RawExchangeAsync(path);

        Assert.Equal(1, host.Raw.Count(path));
        foreach (var exchange in new[] { first, second })
        {
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", exchange, StringComparison.Ordinal);
            Assert.DoesNotContain(" 103 ", exchange, StringComparison.Ordinal);
            Assert.DoesNotContain("style.css", exchange, StringComparison.Ordinal);
            Assert.EndsWith("final", exchange, StringComparison.Ordinal);
        }

        Assert.Contains("; hit; ttl=", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heuristic_freshness_comes_from_Last_Modified_capped_by_the_rule_and_Cache_Status_says_so()
    {
        var path = Unique("/heuristic/old");
        host.Origin.On(path, "old page", ("Last-Modified", DateTimeOffset.UtcNow.AddDays(-10).ToString("R", CultureInfo.InvariantCulture)));

        using var first = await host.GetAsync(Site, path);
        using var second = await host.GetAsync(Site, path);

        Assert.Equal(1, host.Origin.Count(path));
        Assert.Matches(@"fwd=uri-miss; stored; ttl=3[56]\d\d; detail=heuristic$", CacheHost.CacheStatus(first));
        Assert.Matches(@"; hit; ttl=3[56]\d\d; detail=heuristic$", CacheHost.CacheStatus(second));
        Assert.InRange(long.Parse(second.Headers.GetValues("Age").Single(), CultureInfo.InvariantCulture), 0, 30);
    }

    [Fact]
    public async Task Heuristic_freshness_is_a_tenth_of_the_time_since_modification_when_under_the_cap()
    {
        var path = Unique("/heuristic/recent");
        host.Origin.On(path, "recent", ("Last-Modified", DateTimeOffset.UtcNow.AddSeconds(-1000).ToString("R", CultureInfo.InvariantCulture)));

        using var first = await host.GetAsync(Site, path);

        Assert.Matches(@"stored; ttl=(9\d|100); detail=heuristic$", CacheHost.CacheStatus(first));
    }

    [Fact]
    public async Task Without_Last_Modified_or_where_the_rule_does_not_allow_it_there_is_no_heuristic()
    {
        var noDate = Unique("/heuristic/undated");
        var followOnly = Unique("/follow");
        host.Origin.On(noDate, "undated");
        host.Origin.On(followOnly, "dated", ("Last-Modified", DateTimeOffset.UtcNow.AddDays(-10).ToString("R", CultureInfo.InvariantCulture)));

        foreach (var path in new[] { noDate, followOnly })
        {
            (await host.GetAsync(Site, path)).Dispose();
            using var second = await host.GetAsync(Site, path);

            Assert.Equal(2, host.Origin.Count(path));
            Assert.EndsWith("detail=no-freshness", CacheHost.CacheStatus(second), StringComparison.Ordinal);
        }
    }

    private async Task<string> RawExchangeAsync(string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host.ProxyAddress.Host, host.ProxyAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {Raw}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _paths)}";
}
