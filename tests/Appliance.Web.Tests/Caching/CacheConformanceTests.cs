using System.Net;

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
        Assert.Equal("2147483648", second.Headers.GetValues("Age").Single());
        Assert.Equal(2, host.Origin.Count(path));
    }

    private static string Unique(string path) => $"{path}-{Interlocked.Increment(ref _paths)}";
}
