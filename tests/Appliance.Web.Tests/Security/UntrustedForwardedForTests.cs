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
}
