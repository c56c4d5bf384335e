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
        // A certificate uploaded on A, served by both before the outage: HTTPS must go on without the database.
        var thumbprint = await UploadCertificateAsync();
        foreach (var node in cluster.Nodes)
        {
            Assert.Equal("1", await DatabaseUpAsync(node));
            await Eventually.TrueAsync(
                async () => await ServedThumbprintAsync(node) == thumbprint,
                TimeSpan.FromSeconds(10),
                $"{node.Name} to serve the certificate uploaded on node-a");
        }

        cluster.Server.Pause();
        try
        {
            foreach (var node in cluster.Nodes)
            {
                Assert.Equal(HttpStatusCode.OK, await ProxyStatusAsync(node, PrivateDatabaseCluster.RoutedHost));
                await AssertUnavailableAsync(node, await node.Api.GetAsync("/api/v1/pools"));

                // A purge is refused rather than reaching only some nodes.
                await AssertUnavailableAsync(node, await node.Api.PostAsJsonAsync("/api/v1/cache/purge", new { all = true }));

                // What the dashboard shows and /metrics says: the refresher's next poll finds the database gone.
                var status = SourceStatus(node);
                await Eventually.TrueAsync(() => status.UnreachableSince is not null, TimeSpan.FromSeconds(5), $"{node.Name} to notice the outage");
                Assert.Equal("0", await DatabaseUpAsync(node));

                // Still serving after the API found the database gone, over HTTP and over HTTPS with the shared certificate.
                Assert.Equal(HttpStatusCode.OK, await ProxyStatusAsync(node, PrivateDatabaseCluster.RoutedHost));
                Assert.Equal(thumbprint, await ServedThumbprintAsync(node));
                using var https = Appliance.Web.Tests.Tls.TlsClient.CreateHttpsClient(node.HttpsAddress);
                Assert.Equal("outage-backend", await https.GetStringAsync($"https://{PrivateDatabaseCluster.RoutedHost}/during-outage"));
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
            Assert.Equal("1", await DatabaseUpAsync(node));
        }

        await cluster.A.AddRouteAsync(new { name = "after", hosts = new[] { "after.outage.test" }, targets = new[] { new { pool = "web", weight = 1 } } });
        await Eventually.TrueAsync(
            async () => await ProxyStatusAsync(cluster.B, "after.outage.test") == HttpStatusCode.OK,
            TimeSpan.FromSeconds(5),
            "node-b to serve a change made after the outage");
    }

    private async Task AssertUnavailableAsync(ClusterNode node, HttpResponseMessage answer)
    {
        using var response = answer;
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

    private async Task<string> UploadCertificateAsync()
    {
        var (chain, key) = Appliance.Web.Tests.Tls.TestCertificates.Issue([PrivateDatabaseCluster.RoutedHost]);
        using var response = await cluster.A.Api.PostAsJsonAsync("/api/v1/certificates", new { name = "outage", pem = chain, key });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("thumbprint").GetString()!;
    }

    private static async Task<string> ServedThumbprintAsync(ClusterNode node)
    {
        using var served = await Appliance.Web.Tests.Tls.TlsClient.ServedCertificateAsync(node.HttpsAddress, PrivateDatabaseCluster.RoutedHost);
        return served.Thumbprint;
    }

    /// <summary>The <c>appliance_config_database_up</c> sample, scraped from loopback without a token, as a local Prometheus would.</summary>
    private static async Task<string> DatabaseUpAsync(ClusterNode node)
    {
        using var scraper = new HttpClient { BaseAddress = node.Api.BaseAddress };
        var metrics = await scraper.GetStringAsync("/metrics");
        var line = metrics.Split('\n').SingleOrDefault(l => l.StartsWith("appliance_config_database_up ", StringComparison.Ordinal));
        Assert.True(line is not null, "no appliance_config_database_up in /metrics");
        return line["appliance_config_database_up ".Length..].Trim();
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
