using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

/// <summary>A client's own X-Forwarded-For never picks its country: loopback is no trusted proxy here.</summary>
public sealed class CountryRulesUntrustedPeerTests(CountryRulesUntrustedPeerTests.UntrustingHost host) : IClassFixture<CountryRulesUntrustedPeerTests.UntrustingHost>
{
    [Fact]
    public async Task A_stray_X_Forwarded_For_naming_another_country_changes_no_decision()
    {
        await using var backend = await TestBackend.StartAsync("stray-geo");
        await host.AddPoolAsync(new { name = "stray-geo", backends = new[] { new { address = backend.Address } } });
        await SaveAsync(new { name = "gb-only", defaultAction = "Deny", rules = new object[] { new { action = "Allow", country = "GB" } } });
        await SaveAsync(new { name = "no-gb", rules = new object[] { new { action = "Deny", country = "GB" } } });
        await host.AddRouteAsync(new { name = "gb-only", hosts = new[] { "gb-only.test" }, targets = new[] { new { pool = "stray-geo", weight = 1 } }, accessList = "gb-only" });
        await host.AddRouteAsync(new { name = "no-gb", hosts = new[] { "no-gb.test" }, targets = new[] { new { pool = "stray-geo", weight = 1 } }, accessList = "no-gb" });
        await host.WaitForLiveConfigAsync();

        // The peer is 127.0.0.1, in no country: a claimed British address neither lets it in nor keeps it out.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("gb-only.test", "81.2.69.142"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("gb-only.test", "::ffff:81.2.69.142"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("no-gb.test", "81.2.69.142"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("no-gb.test", "2001:220::1, 81.2.69.142"));
        Assert.Equal(2, backend.Requests);
    }

    private async Task SaveAsync(object list)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/access-lists", list);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpStatusCode> StatusAsync(string hostName, string forwardedFor)
    {
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = hostName;
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public sealed class UntrustingHost : GeoIpHost
    {
        protected override string? TrustedProxy => null;
    }
}
