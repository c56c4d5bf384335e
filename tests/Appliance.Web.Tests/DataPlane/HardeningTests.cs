using System.Net;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class HardeningTests(ApplianceHost host) : IClassFixture<ApplianceHost>, IAsyncLifetime
{
    private TestBackend _backend = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync("hardened");
        if (await host.Api.GetAsync("/api/v1/pools/hard") is { StatusCode: HttpStatusCode.NotFound })
        {
            await host.AddPoolAsync(new { name = "hard", backends = new[] { new { address = _backend.Address } } });
            await host.AddRouteAsync(new { name = "hard", hosts = new[] { "hard.test" }, targets = new[] { new { pool = "hard", weight = 1 } } });
        }
        else
        {
            var update = await host.Api.PutAsync("/api/v1/pools/hard", System.Net.Http.Json.JsonContent.Create(new { backends = new[] { new { address = _backend.Address } } }));
            update.EnsureSuccessStatusCode();
        }

        await host.WaitForLiveConfigAsync();
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task A_route_with_security_headers_adds_them_and_its_Content_Security_Policy_and_others_do_not()
    {
        await host.AddRouteAsync(new
        {
            name = "headers",
            hosts = new[] { "headers.test" },
            targets = new[] { new { pool = "hard", weight = 1 } },
            securityHeaders = true,
            contentSecurityPolicy = "default-src 'self'",
        });
        await host.WaitForLiveConfigAsync();
        using var client = host.CreateProxyClient();

        using var secured = await client.GetWithHostAsync("headers.test", "/");
        Assert.Equal("nosniff", secured.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", secured.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", secured.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("default-src 'self'", secured.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(secured.Headers.Contains("Strict-Transport-Security"));

        using var plain = await client.GetWithHostAsync("hard.test", "/");
        Assert.False(plain.Headers.Contains("X-Frame-Options"));

        using var bad = await host.Api.PostAsync("/api/v1/routes", System.Net.Http.Json.JsonContent.Create(new { name = "bad-csp", targets = new[] { new { pool = "hard", weight = 1 } }, contentSecurityPolicy = "default-src\n'self'" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("contentSecurityPolicy", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_route_can_lower_the_body_limit_and_hop_by_hop_headers_never_reach_the_backend()
    {
        await host.AddRouteAsync(new { name = "tiny", hosts = new[] { "tiny.test" }, targets = new[] { new { pool = "hard", weight = 1 } }, maxRequestBodyBytes = 16 });
        await host.WaitForLiveConfigAsync();
        using var client = host.CreateProxyClient();

        using (var big = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = new ByteArrayContent(new byte[17]) })
        {
            big.Headers.Host = "tiny.test";
            using var refused = await client.SendAsync(big);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        }

        Assert.Equal(0, _backend.Requests);
        using (var small = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = new ByteArrayContent(new byte[16]) })
        {
            small.Headers.Host = "tiny.test";
            small.Headers.TryAddWithoutValidation("Connection", "X-Hop");
            small.Headers.TryAddWithoutValidation("X-Hop", "secret");
            small.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");
            small.Headers.TryAddWithoutValidation("Proxy-Connection", "keep-alive");
            small.Headers.TryAddWithoutValidation("Upgrade", "h2c");
            using var accepted = await client.SendAsync(small);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var received = _backend.ReceivedHeaders.Last();
        foreach (var hop in new[] { "X-Hop", "Keep-Alive", "Proxy-Connection", "Upgrade" })
        {
            Assert.False(received.ContainsKey(hop), $"{hop} reached the backend.");
        }
    }

    [Fact]
    public async Task Responses_do_not_reveal_the_backend_software()
    {
        using var client = host.CreateProxyClient();
        using var response = await client.GetWithHostAsync("hard.test", "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("X-Powered-By"));
        Assert.False(response.Headers.Contains("X-AspNet-Version"));
        Assert.Equal("hardened", response.Headers.GetValues("X-Backend").Single());
    }

    [Fact]
    public async Task Backends_receive_forwarded_headers_and_a_request_id_and_the_client_sees_the_same_id()
    {
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/page");
        request.Headers.Host = "hard.test";
        request.Headers.Add("X-Forwarded-For", "6.6.6.6");
        request.Headers.Add("X-Request-Id", "spoofed");
        using var response = await client.SendAsync(request);

        var received = _backend.ReceivedHeaders.Last();
        Assert.Equal("127.0.0.1", received["X-Forwarded-For"]);
        Assert.Equal("http", received["X-Forwarded-Proto"]);
        Assert.Equal("hard.test", received["X-Forwarded-Host"]);
        var requestId = received["X-Request-Id"];
        Assert.Matches("^[0-9a-f]{32}$", requestId);
        Assert.Equal(requestId, response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task A_dead_pool_gets_a_generic_page_that_names_no_backend()
    {
        await using var doomed = await TestBackend.StartAsync("doomed");
        var address = doomed.Address;
        await host.AddPoolAsync(new { name = "dead", backends = new[] { new { address } } });
        await host.AddRouteAsync(new { name = "dead", hosts = new[] { "dead.test" }, targets = new[] { new { pool = "dead", weight = 1 } } });
        await host.WaitForLiveConfigAsync();
        await doomed.StopAsync();

        using var client = host.CreateProxyClient();
        using var response = await client.GetWithHostAsync("dead.test", "/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("502 Bad Gateway", body);
        Assert.DoesNotContain(address, body);
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.DoesNotContain("Exception", body);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_pool_with_no_backend_in_rotation_answers_a_generic_503()
    {
        await host.AddPoolAsync(new { name = "empty", backends = Array.Empty<object>() });
        await host.AddRouteAsync(new { name = "empty", hosts = new[] { "empty.test" }, targets = new[] { new { pool = "empty", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        using var response = await client.GetWithHostAsync("empty.test", "/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("503 Service Unavailable", await response.Content.ReadAsStringAsync());
    }
}
