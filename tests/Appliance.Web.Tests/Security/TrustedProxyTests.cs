using System.Net;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

/// <summary>
/// What a trusted proxy (a CDN, a load balancer) may tell the appliance: who the client is. Never
/// which URL, scheme, port, prefix or method the request has: a proxy passes such headers on from
/// its own clients, and IIS, Symfony, Rack, Laravel or Express would believe them.
/// </summary>
public sealed class TrustedProxyTests(ShieldTests.BehindTrustedProxyHost host) : IClassFixture<ShieldTests.BehindTrustedProxyHost>
{
    [Fact]
    public async Task X_Forwarded_For_from_a_trusted_proxy_names_the_client_and_reaches_the_backend_as_that_client()
    {
        await using var backend = await StartRouteAsync("forwarded");

        // The right-most address that is not a trusted proxy is the client.
        using var response = await SendAsync("forwarded", ("X-Forwarded-For", "192.0.2.50, 198.51.100.60, 127.0.0.1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("198.51.100.60", backend.ReceivedHeaders.Last()["X-Forwarded-For"]);
    }

    [Fact]
    public async Task A_trusted_proxy_may_name_the_client_but_never_a_URL_a_scheme_or_a_method()
    {
        await using var backend = await StartRouteAsync("claims");

        using var response = await SendAsync(
            "claims",
            ("X-Forwarded-For", "198.51.100.61"),
            ("X-Real-IP", "192.0.2.99"),
            ("True-Client-IP", "198.51.100.61"),
            ("CF-Connecting-IP", "198.51.100.61"),
            ("X-Original-URL", "/from-the-edge"),
            ("X-Rewrite-URL", "/from-the-edge"),
            ("X-Forwarded-Scheme", "https"),
            ("X-Forwarded-Ssl", "on"),
            ("Front-End-Https", "on"),
            ("X-Forwarded-Port", "443"),
            ("X-Forwarded-Prefix", "/edge"),
            ("X-HTTP-Method-Override", "DELETE"),
            ("X-HTTP-Method", "DELETE"),
            ("X-Method-Override", "DELETE"));

        // A GET-only route, and the backend sees a GET with nothing that turns it into a DELETE.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = backend.ReceivedHeaders.Last();
        Assert.Equal("198.51.100.61", received["X-Real-IP"]);
        Assert.Equal("198.51.100.61", received["True-Client-IP"]);
        Assert.Equal("198.51.100.61", received["CF-Connecting-IP"]);
        foreach (var name in new[]
        {
            "X-Original-URL", "X-Rewrite-URL", "X-Forwarded-Scheme", "X-Forwarded-Ssl", "Front-End-Https", "X-Forwarded-Port",
            "X-Forwarded-Prefix", "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override",
        })
        {
            Assert.False(received.ContainsKey(name), name + " reached the backend");
        }
    }

    // A backend behind a GET-only route of its own, on <name>.test.
    private async Task<TestBackend> StartRouteAsync(string name)
    {
        var backend = await TestBackend.StartAsync(name);
        await host.AddPoolAsync(new { name, backends = new[] { new { address = backend.Address } } });
        await host.AddRouteAsync(new { name, hosts = new[] { name + ".test" }, methods = new[] { "GET" }, targets = new[] { new { pool = name, weight = 1 } } });
        await host.WaitForLiveConfigAsync();
        return backend;
    }

    private async Task<HttpResponseMessage> SendAsync(string name, params (string Name, string Value)[] headers)
    {
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = name + ".test";
        foreach (var (header, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        return await client.SendAsync(request);
    }
}
