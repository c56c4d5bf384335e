using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Data.Cluster;
using Appliance.Web.Tests.Infrastructure;
using Appliance.Web.Tests.Tls;

namespace Appliance.Web.Tests.Cluster;

/// <summary>
/// Configuration and cache purges made on one node reach the other within 2 s: by NOTIFY (the
/// fixture's nodes poll once a minute) and, on a node that does not listen, by the 1 s poll.
/// </summary>
public sealed class ClusterSyncTests(SyncCluster cluster) : IClassFixture<SyncCluster>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);
    private static int _unique;

    [Fact]
    public async Task A_route_made_through_A_is_served_by_Bs_data_plane_within_2_s()
    {
        var host = Unique("route") + ".sync.test";
        await cluster.A.AddRouteAsync(new { name = host.Replace('.', '-'), hosts = new[] { host }, targets = new[] { new { pool = "origin", weight = 1 } } });
        var clock = Stopwatch.StartNew();

        await Eventually.TrueAsync(() => ServesAsync(cluster.B, host), Bound, () => $"node-b to serve {host} (after {clock.ElapsedMilliseconds} ms)");
    }

    [Fact]
    public async Task A_certificate_uploaded_on_A_is_served_by_Bs_SNI_within_2_s()
    {
        var name = Unique("cert");
        var host = name + ".sync.test";
        var (chain, key) = TestCertificates.Issue([host]);
        using var uploaded = await cluster.A.Api.PostAsJsonAsync("/api/v1/certificates", new { name, pem = chain, key });
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);

        // The certificate set is rebuilt with the revision; B's next handshake for the name gets it.
        await Eventually.TrueAsync(
            async () => (await TlsClient.ServedCertificateAsync(cluster.B.HttpsAddress, host)).Subject.Contains(host, StringComparison.Ordinal),
            Bound,
            $"node-b to serve the certificate for {host}");
    }

    [Fact]
    public async Task A_certificate_replaced_on_A_is_served_by_Bs_next_handshakes_within_2_s()
    {
        var name = Unique("rotated");
        var host = name + ".sync.test";
        var (chain, key) = TestCertificates.Issue([host]);
        using (var uploaded = await cluster.A.Api.PostAsJsonAsync("/api/v1/certificates", new { name, pem = chain, key }))
        {
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }

        await Eventually.TrueAsync(async () => (await TlsClient.ServedCertificateAsync(cluster.B.HttpsAddress, host)).Subject.Contains(host, StringComparison.Ordinal), Bound, $"node-b to serve {host}");
        var (successor, successorKey) = TestCertificates.Issue([host]);
        using var replaced = await cluster.A.Api.PutAsJsonAsync($"/api/v1/certificates/{name}", new { pem = successor, key = successorKey });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var thumbprint = (await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("thumbprint").GetString();

        // The replacement rides the same notification as any change: B rebuilds its certificate set with the revision.
        await Eventually.TrueAsync(
            async () => (await TlsClient.ServedCertificateAsync(cluster.B.HttpsAddress, host)).Thumbprint == thumbprint,
            Bound,
            $"node-b to serve the successor of {name}");
    }

    [Fact]
    public async Task Without_notifications_the_revision_poll_still_brings_a_change_within_2_s()
    {
        var polling = await cluster.StartNodeAsync("node-poll", new Dictionary<string, string?>
        {
            [ClusterOptions.NotificationsKey] = "false",
            [ClusterOptions.PollSecondsKey] = null,
        });
        try
        {
            // Unset, the revision poll on PostgreSQL follows the cluster's default of 1 s.
            Assert.Equal(ClusterOptions.DefaultPollSeconds, polling.App.Services.GetRequiredService<Appliance.Engine.DataPlane.ProxyOptions>().ConfigPollSeconds);
            await polling.WaitForLiveConfigAsync();
            var host = Unique("polled") + ".sync.test";
            await cluster.A.AddRouteAsync(new { name = host.Replace('.', '-'), hosts = new[] { host }, targets = new[] { new { pool = "origin", weight = 1 } } });

            await Eventually.TrueAsync(() => ServesAsync(polling, host), Bound, $"node-poll to serve {host} by polling");
        }
        finally
        {
            await cluster.StopNodeAsync(polling);
        }
    }

    [Fact]
    public async Task A_purge_on_A_empties_Bs_cache_within_2_s()
    {
        var path = "/" + Unique("purged") + ".css";
        cluster.Origin.On(path, "body { }", ("Cache-Control", "max-age=600"));
        foreach (var node in new[] { cluster.A, cluster.B })
        {
            Assert.StartsWith("Appliance; fwd=", await CacheStatusAsync(node, path));
            Assert.StartsWith("Appliance; hit", await CacheStatusAsync(node, path));
        }

        using var purge = await cluster.A.Api.PostAsJsonAsync("/api/v1/cache/purge", new { url = $"http://{SyncCluster.CachedHost}{path}" });
        Assert.Equal(1, (await purge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("purged").GetInt32());

        // Each look on B is a hit until the purge arrives; the first miss stores the entry again.
        await Eventually.TrueAsync(async () => (await CacheStatusAsync(cluster.B, path)).StartsWith("Appliance; fwd=", StringComparison.Ordinal), Bound, "node-b to miss after the purge on node-a");
        Assert.Equal(3, cluster.Origin.Count(path));
    }

    private static async Task<bool> ServesAsync(ClusterNode node, string host)
    {
        using var client = node.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = host } };
        using var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<string> CacheStatusAsync(ClusterNode node, string path)
    {
        using var client = node.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Host = SyncCluster.CachedHost } };
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsStringAsync();
        return response.Headers.TryGetValues("Cache-Status", out var values) ? values.Single() : "";
    }

    private static string Unique(string stem) => $"{stem}{Interlocked.Increment(ref _unique)}";
}
