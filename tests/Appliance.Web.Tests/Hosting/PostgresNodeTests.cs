using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Hosting;

/// <summary>The appliance runs whole on PostgreSQL: it migrates an empty database at start and serves what its API configured.</summary>
public sealed class PostgresNodeTests(ApplianceCluster cluster) : IClassFixture<ApplianceCluster>
{
    [Fact]
    public async Task Two_nodes_start_on_one_empty_database_and_share_its_configuration()
    {
        await using var backend = await TestBackend.StartAsync("from-backend");
        var pool = await cluster.A.Api.PostAsJsonAsync("/api/v1/pools", new { name = "web", backends = new[] { new { address = backend.Address } } });
        Assert.Equal(HttpStatusCode.Created, pool.StatusCode);

        // Read back through the other node: one database, one configuration.
        var pools = await cluster.B.Api.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/v1/pools");
        Assert.Contains(pools!, p => p["name"].ToString() == "web");

        // And B's data plane serves a route made through A: B built its snapshot from the shared database.
        var route = await cluster.A.Api.PostAsJsonAsync("/api/v1/routes", new { name = "web", hosts = new[] { "shared.postgres.test" }, targets = new[] { new { pool = "web", weight = 1 } } });
        Assert.Equal(HttpStatusCode.Created, route.StatusCode);
        using var proxy = cluster.B.CreateProxyClient();
        string? served = null;
        await Eventually.TrueAsync(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/through-b") { Headers = { Host = "shared.postgres.test" } };
                using var response = await proxy.SendAsync(request);
                served = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
                return served == "from-backend";
            },
            TimeSpan.FromSeconds(10),
            () => "node-b's data plane to serve the route made on node-a, last answer: " + (served ?? "none"));
        Assert.Contains("/through-b", backend.ReceivedTargets);
    }
}
