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
    }
}
