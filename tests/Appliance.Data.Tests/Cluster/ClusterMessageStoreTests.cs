using Appliance.Data.Cluster;
using Appliance.Data.Tests.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Cluster;

/// <summary>The <c>ClusterMessages</c> table on the provider this run tests: append, read after an id without one's own, prune.</summary>
public sealed class ClusterMessageStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private ClusterMessageStore Messages => fixture.Services.GetRequiredService<ClusterMessageStore>();

    [Fact]
    public async Task A_node_reads_the_others_messages_in_order_and_counts_its_own_as_seen()
    {
        var start = await Messages.LastIdAsync();
        var first = await Messages.AppendAsync("cache.purge", "one", "node-a");
        await Messages.AppendAsync("cache.purge", "two", "node-b");
        var third = await Messages.AppendAsync("other.topic", "three", "node-a");
        Assert.True(first > start && third > first);
        Assert.Equal(third, await Messages.LastIdAsync());

        var forA = await Messages.ReadAfterAsync(start, "node-a", limit: 100);
        Assert.Equal(["two"], forA.Messages.Select(m => m.Payload));
        Assert.Equal(("cache.purge", "node-b"), (forA.Messages[0].Topic, forA.Messages[0].Origin));
        Assert.Equal(third, forA.LastId);
        Assert.False(forA.Full);

        var forB = await Messages.ReadAfterAsync(start, "node-b", limit: 100);
        Assert.Equal(["one", "three"], forB.Messages.Select(m => m.Payload));

        var nothingNew = await Messages.ReadAfterAsync(third, "node-b", limit: 100);
        Assert.Empty(nothingNew.Messages);
        Assert.Equal(third, nothingNew.LastId);
    }

    [Fact]
    public async Task A_read_stops_at_its_limit_and_says_there_may_be_more()
    {
        var start = await Messages.LastIdAsync();
        for (var i = 0; i < 3; i++)
        {
            await Messages.AppendAsync("cache.purge", $"m{i}", "node-a");
        }

        var batch = await Messages.ReadAfterAsync(start, "node-b", limit: 2);
        Assert.True(batch.Full);
        Assert.Equal(["m0", "m1"], batch.Messages.Select(m => m.Payload));
        var rest = await Messages.ReadAfterAsync(batch.LastId, "node-b", limit: 2);
        Assert.False(rest.Full);
        Assert.Equal(["m2"], rest.Messages.Select(m => m.Payload));
    }

    [Fact]
    public async Task Pruning_deletes_only_messages_older_than_the_cutoff()
    {
        var start = await Messages.LastIdAsync();
        await Messages.AppendAsync("cache.purge", "old", "node-a");
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await Messages.AppendAsync("cache.purge", "recent", "node-a");

        // On PostgreSQL the fixture's own reader prunes too, on this clock: what is left is what counts.
        await Messages.PruneAsync(fixture.Clock.GetUtcNow() - TimeSpan.FromHours(1));

        var left = await Messages.ReadAfterAsync(start, "node-b", limit: 100);
        Assert.Equal(["recent"], left.Messages.Select(m => m.Payload));
    }
}
