using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Cluster;

/// <summary>
/// With the database stopped both nodes keep proxying on their last snapshot and their API answers
/// 503 with a problem document that leaks nothing; when it returns both recover by themselves.
/// </summary>
public sealed class DatabaseOutageTests(PrivateDatabaseCluster cluster) : IClassFixture<PrivateDatabaseCluster>
{
    [Fact]
    public async Task Nodes_keep_serving_through_a_database_outage_answer_503_and_recover_by_themselves()
    {
        cluster.Server.Pause();
        try
        {
            foreach (var node in cluster.Nodes)
            {
                Assert.Equal(HttpStatusCode.OK, await ProxyStatusAsync(node, PrivateDatabaseCluster.RoutedHost));
                await AssertUnavailableAsync(node);

                // What the dashboard shows: the refresher's next poll finds the database gone.
                var status = SourceStatus(node);
                await Eventually.TrueAsync(() => status.UnreachableSince is not null, TimeSpan.FromSeconds(5), $"{node.Name} to notice the outage");

                // Still serving after the API found the database gone.
                Assert.Equal(HttpStatusCode.OK, await ProxyStatusAsync(node, PrivateDatabaseCluster.RoutedHost));
            }
        }
        finally
        {
            cluster.Server.Resume();
        }

        foreach (var node in cluster.Nodes)
        {
            await Eventually.TrueAsync(
                async () => (await node.Api.GetAsync("/api/v1/pools")).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(20),
                $"{node.Name}'s API to answer again");
            var status = SourceStatus(node);
            await Eventually.TrueAsync(() => status.UnreachableSince is null, TimeSpan.FromSeconds(5), $"{node.Name} to notice the database is back");
        }

        await cluster.A.AddRouteAsync(new { name = "after", hosts = new[] { "after.outage.test" }, targets = new[] { new { pool = "web", weight = 1 } } });
        await Eventually.TrueAsync(
            async () => await ProxyStatusAsync(cluster.B, "after.outage.test") == HttpStatusCode.OK,
            TimeSpan.FromSeconds(5),
            "node-b to serve a change made after the outage");
    }

    private async Task AssertUnavailableAsync(ClusterNode node)
    {
        using var response = await node.Api.GetAsync("/api/v1/pools");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("Configuration database unavailable", problem.GetProperty("title").GetString());
        var revision = node.App.Services.GetRequiredService<Appliance.Engine.Configuration.SnapshotStore>().AppliedRevision;
        Assert.Contains($"keeps serving configuration revision {revision}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Nothing about where the database is or what failed inside.
        foreach (var leak in new[] { cluster.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "Host=", "Npgsql", "Exception", "Socket" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static Appliance.Engine.Configuration.ConfigurationSourceStatus SourceStatus(ClusterNode node) =>
        node.App.Services.GetRequiredService<Appliance.Engine.Configuration.ConfigurationSourceStatus>();

    private static async Task<HttpStatusCode> ProxyStatusAsync(ClusterNode node, string host)
    {
        using var client = node.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = host } };
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
