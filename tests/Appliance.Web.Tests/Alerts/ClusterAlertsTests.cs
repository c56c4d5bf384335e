using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Alerts;

// With several nodes, a configuration change is sent once whichever node made it, each node sends
// what its own probes see under its name, and a node that goes quiet is reported by the others.
public sealed class ClusterAlertsTests(AlertsCluster cluster) : IClassFixture<AlertsCluster>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Config_changes_go_once_backend_events_per_node_and_a_stopped_node_is_reported_down()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await PostAsync(cluster.A, "/api/v1/alerts/channels", new { name = "cluster", webhook = new { url = receiver.Url + "/cluster" } });
        await PostAsync(cluster.A, "/api/v1/alerts/rules", new { name = "cluster", events = new[] { "ConfigChanged", "BackendDown", "NodeDown" }, channels = new[] { "cluster" }, groupMinutes = 0 });
        await Eventually.TrueAsync(() => Task.FromResult(Changes(receiver, "cluster", "alert-rule").Count == 1), Wait, () => "the rule's own creation as a change; received: " + Received(receiver));

        // Made on node B, sent once, whichever node holds the lease.
        await PostAsync(cluster.B, "/api/v1/pools", new
        {
            name = "everywhere",
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = new[] { new { address = $"http://127.0.0.1:{Ports.Unused()}" } },
        });
        await Eventually.TrueAsync(() => Changes(receiver, "everywhere").Count == 1, Wait, "the pool's creation");

        // Each node probes for itself: both report the dead backend, each under its own name.
        await Eventually.TrueAsync(
            () => receiver.Of("/hook/cluster", "BackendDown").Select(r => r.Json.GetProperty("node").GetString()).Distinct().Count() == 2,
            Wait,
            "both nodes' BackendDown");
        Assert.Equal(["node-a", "node-b"], receiver.Of("/hook/cluster", "BackendDown").Select(r => r.Json.GetProperty("events")[0].GetProperty("node").GetString()!).Order(StringComparer.Ordinal));

        var c = await cluster.StartNodeAsync("node-c");
        await Eventually.TrueAsync(async () => await IsUpAsync("node-c"), Wait, "node-c up");
        await cluster.StopNodeAsync(c);
        await Eventually.TrueAsync(() => receiver.Of("/hook/cluster", "NodeDown").Count == 1, Wait, "node-c reported down");
        var down = receiver.Of("/hook/cluster", "NodeDown").Single().Json;
        Assert.Equal("node-c", down.GetProperty("events")[0].GetProperty("node").GetString());
        Assert.Equal("critical", down.GetProperty("severity").GetString());

        // A later change arrives, and still each earlier one was sent once.
        await PostAsync(cluster.A, "/api/v1/pools", new { name = "later", backends = new[] { new { address = "http://127.0.0.1:9" } } });
        await Eventually.TrueAsync(() => Changes(receiver, "later").Count == 1, Wait, "the later change");
        Assert.Single(Changes(receiver, "everywhere"));
        Assert.Single(Changes(receiver, "cluster", "alert-rule"));
        // The channel was made before any rule sent changes: it goes out only if the leader read that
        // revision after the rule existed, which depends on timing. Never twice, though.
        Assert.InRange(Changes(receiver, "cluster", "alert-channel").Count, 0, 1);
        Assert.Single(receiver.Of("/hook/cluster", "NodeDown"));
    }

    private static string Received(WebhookReceiver receiver) =>
        string.Join("; ", receiver.Received.Select(r => r.Json.GetProperty("summary").GetString()));

    private static IReadOnlyList<ReceivedWebhook> Changes(WebhookReceiver receiver, string entityName, string entityType = "pool") =>
        receiver.Of("/hook/cluster", "ConfigChanged")
            .Select(r => (Webhook: r, Details: r.Json.GetProperty("events")[0].GetProperty("details")))
            .Where(r => r.Details.GetProperty("entityName").GetString() == entityName && r.Details.GetProperty("entityType").GetString() == entityType)
            .Select(r => r.Webhook)
            .ToArray();

    private async Task<bool> IsUpAsync(string node) =>
        (await cluster.A.Api.GetFromJsonAsync<JsonElement[]>("/api/v1/nodes"))!.Any(n => n.GetProperty("name").GetString() == node && n.GetProperty("status").GetString() == "Up");

    private static async Task PostAsync(ApplianceHost node, string path, object body)
    {
        using var response = await node.Api.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
