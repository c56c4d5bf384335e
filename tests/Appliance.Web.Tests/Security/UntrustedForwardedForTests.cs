using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

public sealed class UntrustedForwardedForTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task X_Forwarded_For_from_an_untrusted_peer_is_ignored_by_access_lists_and_replaced_for_the_backend()
    {
        await using var backend = await TestBackend.StartAsync("untrusted");
        await host.AddPoolAsync(new { name = "untrusted", backends = new[] { new { address = backend.Address } } });
        using (var list = await host.Api.PostAsJsonAsync("/api/v1/access-lists", new { name = "partners", defaultAction = "Deny", rules = new[] { new { action = "Allow", cidr = "203.0.113.0/24" } } }))
        {
            list.EnsureSuccessStatusCode();
        }

        await host.AddRouteAsync(new { name = "partners", hosts = new[] { "partners.test" }, targets = new[] { new { pool = "untrusted", weight = 1 } }, accessList = "partners" });
        await host.AddRouteAsync(new { name = "open", hosts = new[] { "open.test" }, targets = new[] { new { pool = "untrusted", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/");
        spoofed.Headers.Host = "partners.test";
        spoofed.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.5");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(spoofed)).StatusCode);

        using var open = new HttpRequestMessage(HttpMethod.Get, "/");
        open.Headers.Host = "open.test";
        open.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.5");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(open)).StatusCode);
        Assert.Equal("127.0.0.1", backend.ReceivedHeaders.Last()["X-Forwarded-For"]);
    }

    [Fact]
    public async Task Headers_that_claim_a_client_a_URL_or_a_method_never_reach_the_backend_from_an_untrusted_peer_and_X_Real_IP_is_the_appliance_s()
    {
        await using var backend = await TestBackend.StartAsync("stray");
        await host.AddPoolAsync(new { name = "stray", backends = new[] { new { address = backend.Address } } });
        await host.AddRouteAsync(new { name = "stray", hosts = new[] { "stray.test" }, targets = new[] { new { pool = "stray", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        string[] claims =
        [
            "X-Real-IP", "X-Client-IP", "True-Client-IP", "X-Original-URL", "X-Rewrite-URL", "X-Forwarded-Server",
            "X-Forwarded-Port", "X-Forwarded-Prefix", "Forwarded", "CF-Connecting-IP", "X-Forwarded-Ssl",
            "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override",
        ];
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "stray.test";
        foreach (var name in claims)
        {
            request.Headers.TryAddWithoutValidation(name, name == "Forwarded" ? "for=203.0.113.5;proto=https" : name.EndsWith("URL", StringComparison.Ordinal) ? "/admin" : "203.0.113.5");
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.test");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = backend.ReceivedHeaders.Last();
        foreach (var name in claims.Where(n => n != "X-Real-IP"))
        {
            Assert.False(received.ContainsKey(name), name + " reached the backend");
        }

        Assert.Equal("127.0.0.1", received["X-Real-IP"]);
        Assert.Equal("stray.test", received["X-Forwarded-Host"]);
        Assert.Equal("http", received["X-Forwarded-Proto"]);
    }
}
