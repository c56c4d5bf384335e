using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;
using static Appliance.Web.Tests.Cluster.NodeListing;

namespace Appliance.Web.Tests.Cluster;

/// <summary>Nodes on one PostgreSQL database see each other through their heartbeats, and an operator can forget a departed one.</summary>
public sealed class NodesApiTests(HeartbeatCluster cluster) : IClassFixture<HeartbeatCluster>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Both_nodes_list_each_other_as_up_with_the_revision_they_serve()
    {
        await cluster.A.AddPoolAsync(new { name = "listed", backends = new[] { new { address = "http://127.0.0.1:9" } } });
        await cluster.A.WaitForLiveConfigAsync();
        var revision = await cluster.A.App.Services.GetRequiredService<Appliance.Data.Store.ConfigStore>().GetRevisionAsync();

        IReadOnlyList<JsonElement> seen = [];
        await Eventually.TrueAsync(
            async () =>
            {
                seen = await ReadAsync(cluster.B.Api);
                return new[] { "node-a", "node-b" }.All(name =>
                    Find(seen, name) is { } node && Is(node, "Up") && node.GetProperty("appliedRevision").GetInt64() == revision && !node.GetProperty("behind").GetBoolean());
            },
            Wait,
            () => "both nodes up at revision " + revision + " on node-b: " + JsonSerializer.Serialize(seen));

        var a = Find(seen, "node-a")!.Value;
        var b = Find(seen, "node-b")!.Value;
        Assert.False(a.GetProperty("self").GetBoolean());
        Assert.True(b.GetProperty("self").GetBoolean());
        Assert.Contains(a.GetProperty("addresses").EnumerateArray(), address => address.GetString() == cluster.A.ProxyAddress.ToString().TrimEnd('/'));
        Assert.Contains(a.GetProperty("addresses").EnumerateArray(), address => address.GetString() == cluster.A.Api.BaseAddress!.ToString().TrimEnd('/'));
        Assert.False(string.IsNullOrEmpty(a.GetProperty("version").GetString()));

        // Each node reports the pool's backend as its own probes see it, and its own cache.
        var pool = Assert.Single(a.GetProperty("health").GetProperty("pools").EnumerateArray(), p => p.GetProperty("name").GetString() == "listed");
        Assert.Equal("http://127.0.0.1:9", Assert.Single(pool.GetProperty("backends").EnumerateArray()).GetProperty("address").GetString());
        Assert.True(a.GetProperty("cache").TryGetProperty("hits", out _));

        var cache = await cluster.A.Api.GetFromJsonAsync<JsonElement>("/api/v1/cache/stats/nodes");
        Assert.Equal(2, cache.GetProperty("nodes").EnumerateArray().Count(n => n.GetProperty("name").GetString() is "node-a" or "node-b"));
        Assert.True(cache.GetProperty("total").GetProperty("maxBytes").GetInt64() >= 2 * 256L * 1024 * 1024);
    }

    [Fact]
    public async Task A_stopped_node_goes_down_falls_behind_and_can_then_be_forgotten_with_an_audit_entry()
    {
        var c = await cluster.StartNodeAsync("node-c");
        await Eventually.TrueAsync(async () => Is(Find(await ReadAsync(cluster.A.Api), "node-c"), "Up"), Wait, "node-c up on node-a");
        Assert.Equal(HttpStatusCode.Conflict, (await cluster.A.Api.DeleteAsync("/api/v1/nodes/node-c")).StatusCode);

        // Killed, as the others see it: timed from the moment it is told to stop, so a slow stop counts against it.
        var stoppedAt = System.Diagnostics.Stopwatch.StartNew();
        await cluster.StopNodeAsync(c);
        IReadOnlyList<JsonElement> seen = [];
        IReadOnlyList<JsonElement> down = [];
        await Eventually.TrueAsync(
            async () => !Find(seen = await ReadAsync(cluster.A.Api, "?status=up"), "node-c").HasValue
                && Is(Find(down = await ReadAsync(cluster.A.Api, "?status=down"), "node-c"), "Down"),
            TimeSpan.FromSeconds(15),
            () => "node-c to leave the live list and show down: " + JsonSerializer.Serialize(seen) + " " + JsonSerializer.Serialize(down));

        // Three heartbeats of 1 s, plus one beat of slack for the last beat's age and the polling here:
        // the wait above allows far longer, so a node shown down late fails here.
        var noticed = stoppedAt.Elapsed;
        Assert.True(noticed <= TimeSpan.FromSeconds(4.5), $"node-c showed down {noticed.TotalSeconds:0.00} s after it stopped; three heartbeats (+1) allow 4.5 s");

        await cluster.A.AddPoolAsync(new { name = "after-c", backends = new[] { new { address = "http://127.0.0.1:9" } } });

        // It serves (served) an older revision than the database now holds, and the live nodes do not.
        await Eventually.TrueAsync(
            async () => Find(seen = await ReadAsync(cluster.A.Api), "node-c")?.GetProperty("behind").GetBoolean() == true,
            Wait,
            () => "node-c flagged behind: " + JsonSerializer.Serialize(seen));
        Assert.False(Find(seen, "node-a")!.Value.GetProperty("behind").GetBoolean());
        var metrics = await cluster.A.Api.GetStringAsync("/metrics");
        Assert.Contains("appliance_node_behind{node=\"node-c\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("appliance_cluster_nodes{status=\"down\"} 1", metrics, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await cluster.A.Api.DeleteAsync("/api/v1/nodes/node-c")).StatusCode);
        Assert.False(Find(await ReadAsync(cluster.B.Api), "node-c").HasValue);
        Assert.Equal(HttpStatusCode.NotFound, (await cluster.A.Api.DeleteAsync("/api/v1/nodes/node-c")).StatusCode);
        var audit = await cluster.B.Api.GetFromJsonAsync<JsonElement[]>("/api/v1/audit?take=20");
        Assert.Contains(audit!, e => e.GetProperty("entityType").GetString() == "node" && e.GetProperty("entityName").GetString() == "node-c" && e.GetProperty("action").GetString() == "Delete");
    }

    [Fact]
    public async Task A_live_node_cannot_be_forgotten_a_viewer_cannot_forget_any_and_a_bad_status_filter_is_refused()
    {
        var created = await cluster.A.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "nodes-viewer", role = "Viewer" });
        var viewerToken = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var viewer = new HttpClient { BaseAddress = cluster.A.Api.BaseAddress };
        viewer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", viewerToken);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/nodes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync("/api/v1/nodes/node-gone")).StatusCode);

        var conflict = await cluster.A.Api.DeleteAsync("/api/v1/nodes/node-b");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Contains("node-b", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var invalid = await cluster.A.Api.GetAsync("/api/v1/nodes?status=sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("status").EnumerateArray()).GetString();
        Assert.Equal("Give status=up or status=down, or leave it out for every node.", message);
    }
}
