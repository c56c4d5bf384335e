using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Cluster;

/// <summary>Two processes under one node name (a cloned machine keeps its host name, the default name) are told so, on both.</summary>
public sealed class NodeNameClashTests(HeartbeatCluster cluster) : IClassFixture<HeartbeatCluster>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_second_process_under_a_nodes_name_is_reported_by_both_and_distinct_names_never_are()
    {
        // A cloned machine keeps its host name, the default node name.
        var twin = await cluster.StartNodeAsync("node-twin");
        var clone = await cluster.StartNodeAsync("node-twin");
        try
        {
            await Eventually.TrueAsync(
                async () => await ClashesAsync(twin) > 0 && await ClashesAsync(clone) > 0,
                Wait,
                "both processes named node-twin to count a name clash");
        }
        finally
        {
            await cluster.StopNodeAsync(clone);
            await cluster.StopNodeAsync(twin);
        }

        // node-a, alone under its name, never counts one.
        Assert.Equal(0, await ClashesAsync(cluster.A));
    }

    private static async Task<long> ClashesAsync(ClusterNode node)
    {
        const string Name = "appliance_node_name_clashes_total ";
        var line = (await node.Api.GetStringAsync("/metrics")).Split('\n').Single(l => l.StartsWith(Name, StringComparison.Ordinal));
        return long.Parse(line[Name.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
