using System.Net;

namespace Appliance.Web.Tests.Caching;

/// <summary>The cache's defences: rule patterns that cannot stall a request.</summary>
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

    private static string Unique(string path)
    {
        var n = Interlocked.Increment(ref _paths);
        var dot = path.LastIndexOf('.');
        return dot > path.LastIndexOf('/') ? $"{path[..dot]}-{n}{path[dot..]}" : $"{path}-{n}";
    }
}
