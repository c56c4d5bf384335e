using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

/// <summary>
/// A global basic-auth list in front of every route, and a route with a list of its own: one
/// Authorization header has to satisfy both. A host of its own, since a global list stands before
/// every route of the host.
/// </summary>
public sealed class LayeredBasicAuthTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task Credentials_that_both_a_global_and_the_route_s_list_accept_pass_both_and_never_reach_the_backend()
    {
        await using var backend = await TestBackend.StartAsync("layered");
        await host.AddPoolAsync(new { name = "layered", backends = new[] { new { address = backend.Address } } });
        await SaveAsync(new
        {
            name = "everyone",
            global = true,
            defaultAction = "Allow",
            basicAuthUsers = new[] { new { user = "ops", password = "correct horse battery" }, new { user = "guest", password = "guest password here" } },
        });
        await SaveAsync(new { name = "team", defaultAction = "Allow", basicAuthUsers = new[] { new { user = "ops", password = "correct horse battery" } } });
        await host.AddRouteAsync(new { name = "team", hosts = new[] { "team.test" }, targets = new[] { new { pool = "layered", weight = 1 } }, accessList = "team" });
        await host.AddRouteAsync(new { name = "lobby", hosts = new[] { "lobby.test" }, targets = new[] { new { pool = "layered", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("team.test", "ops:correct horse battery"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("team.test", "ops:correct horse battery"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("lobby.test", "guest:guest password here"));
        Assert.All(backend.ReceivedHeaders, headers => Assert.False(headers.ContainsKey("Authorization")));

        // The global list lets a guest in; the route's own list does not.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("team.test", "guest:guest password here"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("team.test", null));
        Assert.Equal(3, backend.Requests);
    }

    private async Task SaveAsync(object list)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/access-lists", list);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpStatusCode> StatusAsync(string hostName, string? credentials)
    {
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = hostName;
        if (credentials is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
