using System.Net;
using Appliance.Web.Tests.Infrastructure;
using Appliance.Web.Tests.Tls;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// The background request of stale-while-revalidate is the request the proxy would send: the
/// destination's authority as Host, the client's X-Forwarded-* and X-Real-IP, its own request id.
/// An origin that answers by them (virtual hosts, forced HTTPS) must not see another client.
/// </summary>
public sealed class CacheRevalidationRequestTests(CacheHost host) : IClassFixture<CacheHost>
{
    private static readonly string[] ForwardingHeaders = ["Host", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-For", "X-Real-IP"];
    private static int _paths;

    [Fact]
    public async Task The_background_revalidation_carries_the_same_Host_and_forwarding_headers_as_the_foreground_request()
    {
        var path = Unique("/shape.json");
        host.Origin.On(path, async context =>
        {
            context.Response.Headers.CacheControl = "max-age=0, stale-while-revalidate=600";
            await context.Response.WriteAsync("shape");
        });

        (await host.GetAsync("cache.test", path)).Dispose();
        using (var stale = await host.GetAsync("cache.test", path))
        {
            Assert.Contains("detail=stale-while-revalidate", CacheHost.CacheStatus(stale));
        }

        await Eventually.TrueAsync(() => host.Origin.Count(path) == 2, TimeSpan.FromSeconds(10), "the background revalidation");
        var foreground = host.Origin.RequestsTo(path)[0].Headers;
        var background = host.Origin.RequestsTo(path)[1].Headers;
        foreach (var name in ForwardingHeaders)
        {
            Assert.True(foreground.ContainsKey(name), $"the proxy sent no {name}");
            Assert.True(background.TryGetValue(name, out var value), $"the background request sent no {name}");
            Assert.Equal(foreground[name], value);
        }

        Assert.Equal(new Uri(host.Origin.Address).Authority, background["Host"]);
        Assert.Matches("^[0-9a-f]{32}$", background["X-Request-Id"]);
        Assert.NotEqual(foreground["X-Request-Id"], background["X-Request-Id"]);
    }

    [Fact]
    public async Task An_origin_that_forces_https_refreshes_an_entry_stored_over_https_instead_of_replacing_it_with_a_redirect()
    {
        var path = Unique("/secure.html");
        var version = 0;
        host.Origin.On(path, async context =>
        {
            // As a forced-SSL application behind a proxy: plain HTTP, as X-Forwarded-Proto says, is sent to HTTPS.
            if (context.Request.Headers["X-Forwarded-Proto"] != "https")
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = $"https://{context.Request.Headers["X-Forwarded-Host"]}{context.Request.Path}";
                context.Response.Headers.CacheControl = "max-age=600";
                return;
            }

            context.Response.Headers.CacheControl = "max-age=0, stale-while-revalidate=600";
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("secure v" + Interlocked.Increment(ref version));
        });
        using var client = TlsClient.CreateHttpsClient(host.HttpsAddress);

        Assert.Equal("secure v1", await GetBodyAsync(client, path));
        Assert.Equal("secure v1", await GetBodyAsync(client, path));

        // The background request stores the next version; every answer meanwhile is a page, never a redirect.
        await Eventually.TrueAsync(async () => await GetBodyAsync(client, path) == "secure v2", TimeSpan.FromSeconds(10), "the refreshed entry to be served");
    }

    [Fact]
    public async Task A_redirect_to_the_requests_own_URL_is_not_stored()
    {
        var path = Unique("/loop");
        host.Origin.On(path, context =>
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = "http://cache.test" + path;
            context.Response.Headers.CacheControl = "max-age=600";
            return Task.CompletedTask;
        });

        using var first = await host.GetAsync("cache.test", path);
        using var second = await host.GetAsync("cache.test", path);

        Assert.Equal(HttpStatusCode.MovedPermanently, second.StatusCode);
        Assert.Contains("detail=self-redirect", CacheHost.CacheStatus(first));
        Assert.Equal(2, host.Origin.Count(path));
    }

    [Fact]
    public async Task A_background_revalidation_answered_with_a_redirect_to_the_same_URL_leaves_the_stale_entry()
    {
        var path = Unique("/moved.json");
        var version = 0;
        host.Origin.On(path, async context =>
        {
            if (Interlocked.Increment(ref version) > 1)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = path;
                context.Response.Headers.CacheControl = "max-age=600";
                return;
            }

            context.Response.Headers.CacheControl = "max-age=0, stale-while-revalidate=600";
            await context.Response.WriteAsync("original");
        });
        (await host.GetAsync("cache.test", path)).Dispose();

        // Each stale answer starts a revalidation once the last has finished; by the second, the first's
        // redirect has been refused or stored, and every answer until then must still be the page.
        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await host.GetAsync("cache.test", path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("original", await response.Content.ReadAsStringAsync());
                return host.Origin.Count(path) >= 3;
            },
            TimeSpan.FromSeconds(10),
            "two background revalidations");
        using var last = await host.GetAsync("cache.test", path);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
    }

    private static async Task<string> GetBodyAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync("https://cache.test" + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Unique(string path)
    {
        var n = Interlocked.Increment(ref _paths);
        var dot = path.LastIndexOf('.');
        return dot > path.LastIndexOf('/') ? $"{path[..dot]}-{n}{path[dot..]}" : $"{path}-{n}";
    }
}
