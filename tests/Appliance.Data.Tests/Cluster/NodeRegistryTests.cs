using Appliance.Data.Auditing;
using Appliance.Data.Cluster;
using Appliance.Data.Entities;
using Appliance.Data.Store;
using Appliance.Data.Tests.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Cluster;

public sealed class NodeRegistryTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private NodeRegistry Registry => fixture.Services.GetRequiredService<NodeRegistry>();

    [Fact]
    public async Task A_heartbeat_creates_the_node_row_and_the_next_one_updates_it()
    {
        var first = Node("beating", revision: 3, lastSeen: fixture.Clock.GetUtcNow());
        Assert.False(await Registry.BeatAsync(first, afterFirst: false));
        var second = first with { AppliedRevision = 4, LastSeenAt = first.LastSeenAt.AddSeconds(5), Addresses = ["http://10.0.0.1:8081", "http://[::]:8080"], Report = "{\"pools\":[]}" };
        Assert.False(await Registry.BeatAsync(second, afterFirst: true));

        var stored = Assert.Single(await Registry.ListAsync(), n => n.Name == "beating");
        Assert.Equal(second.Addresses, stored.Addresses);
        Assert.Equal(4, stored.AppliedRevision);
        Assert.Equal(second.LastSeenAt, stored.LastSeenAt);
        Assert.Equal(first.StartedAt, stored.StartedAt);
        Assert.Equal("{\"pools\":[]}", stored.Report);
    }

    [Fact]
    public async Task A_node_seen_since_the_cutoff_cannot_be_forgotten_and_a_departed_one_is_forgotten_with_an_audit_entry()
    {
        var now = fixture.Clock.GetUtcNow();
        await Registry.BeatAsync(Node("live", 1, lastSeen: now), afterFirst: false);
        await Registry.BeatAsync(Node("departed", 1, lastSeen: now.AddMinutes(-10)), afterFirst: false);
        var cutoff = now.AddSeconds(-15);

        Assert.Equal(StoreStatus.Conflict, (await Registry.ForgetAsync("live", cutoff, "token:ops")).Status);
        Assert.Equal(StoreStatus.NotFound, (await Registry.ForgetAsync("never-was", cutoff, "token:ops")).Status);
        var forgotten = await Registry.ForgetAsync("departed", cutoff, "token:ops");

        Assert.Equal(StoreStatus.Ok, forgotten.Status);
        var names = (await Registry.ListAsync()).Select(n => n.Name).ToArray();
        Assert.Contains("live", names);
        Assert.DoesNotContain("departed", names);
        var audit = await fixture.Services.GetRequiredService<AuditLog>().GetLatestAsync(10);
        var entry = Assert.Single(audit, e => e.EntityType == "node" && e.EntityName == "departed");
        Assert.Equal(AuditAction.Delete, entry.Action);
        Assert.Equal("token:ops", entry.Actor);
        Assert.Contains("10.0.0.9", entry.Before, StringComparison.Ordinal);
        Assert.Null(entry.After);
    }

    [Fact]
    public async Task Two_processes_beating_under_one_name_are_told_so_and_a_restart_is_not()
    {
        var now = fixture.Clock.GetUtcNow();
        var one = Node("cloned", 1, lastSeen: now);
        Assert.False(await Registry.BeatAsync(one, afterFirst: false));

        // A restart: a new start time on its first heartbeat is this process taking its row back.
        var restarted = one with { StartedAt = now.AddSeconds(1), LastSeenAt = now.AddSeconds(1) };
        Assert.False(await Registry.BeatAsync(restarted, afterFirst: false));
        Assert.False(await Registry.BeatAsync(restarted with { LastSeenAt = now.AddSeconds(6) }, afterFirst: true));

        // Another process under the same name writes in between: the next heartbeat finds its start time.
        await Registry.BeatAsync(restarted with { StartedAt = now.AddSeconds(2), LastSeenAt = now.AddSeconds(7) }, afterFirst: false);
        Assert.True(await Registry.BeatAsync(restarted with { LastSeenAt = now.AddSeconds(11) }, afterFirst: true));
    }

    private static NodeRecord Node(string name, long revision, DateTimeOffset lastSeen) =>
        new(name, ["http://10.0.0.9:8081"], "1.0.0", revision, lastSeen.AddHours(-1), lastSeen, "{}");
}
