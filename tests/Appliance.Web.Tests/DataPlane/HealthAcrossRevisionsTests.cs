using System.Net;
using System.Net.Http.Json;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Web.Tests.Infrastructure;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Web.Tests.DataPlane;

/// <summary>
/// Every revision gives every route a new config (it carries the revision), so YARP rebuilds its
/// route models each time; health lives in the clusters, which a route-only change leaves alone.
/// </summary>
public sealed class HealthAcrossRevisionsTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task A_revision_that_rebuilds_every_route_keeps_the_backends_health_state()
    {
        var backends = await TestBackend.StartManyAsync("kept-0", "kept-1");
        await using var steady = backends[0];
        await using var failing = backends[1];
        await host.AddPoolAsync(new { name = "kept", loadBalancing = "RoundRobin", backends = backends.Select(b => new { address = b.Address }).ToArray() });
        await host.AddRouteAsync(new { name = "kept", hosts = new[] { "kept.test" }, targets = new[] { new { pool = "kept", weight = 1 } } });
        await host.WaitForLiveConfigAsync();
        var proxy = host.App.Services.GetRequiredService<DataPlaneHost>().Services.GetRequiredService<IProxyStateLookup>();
        using var client = host.CreateProxyClient();

        // Live traffic takes the failing backend out (for 30 s, the default period).
        failing.Abort = true;
        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await client.GetWithHostAsync("kept.test", "/");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return Destination(proxy, failing.Address).Health.Passive == DestinationHealth.Unhealthy;
            },
            TimeSpan.FromSeconds(20),
            "live-traffic failures to take the backend out");
        var before = Destination(proxy, failing.Address);

        // A change to routes only: the "kept" route's config is equal but for its revision.
        await host.AddRouteAsync(new { name = "other", hosts = new[] { "other.test" }, targets = new[] { new { pool = "kept", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        Assert.True(proxy.TryGetRoute("kept", out var route));
        Assert.Equal(host.App.Services.GetRequiredService<SnapshotStore>().AppliedRevision.ToString(System.Globalization.CultureInfo.InvariantCulture), RouteRevision.Of(route.Config));
        var after = Destination(proxy, failing.Address);
        Assert.Same(before, after);
        Assert.Equal(DestinationHealth.Unhealthy, after.Health.Passive);
        var requestsWhileOut = failing.Requests;
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("kept-0", await client.GetBodyAsync("kept.test", "/"));
        }

        Assert.Equal(requestsWhileOut, failing.Requests);
    }

    private static DestinationState Destination(IProxyStateLookup proxy, string address) =>
        proxy.TryGetCluster("kept", out var cluster) && cluster.Destinations.TryGetValue(address, out var destination)
            ? destination
            : throw new InvalidOperationException($"No destination {address} in cluster 'kept'.");
}
