using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;
using static Appliance.Web.Tests.Cluster.NodeListing;

namespace Appliance.Web.Tests.Cluster;

/// <summary>One node on SQLite registers itself the way nodes on PostgreSQL do.</summary>
public sealed class SingleNodeRegistryTests(ApplianceHost appliance) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task The_single_node_lists_itself_as_up_and_current()
    {
        IReadOnlyList<JsonElement> seen = [];
        await Eventually.TrueAsync(async () => (seen = await ReadAsync(appliance.Api)).Count == 1, TimeSpan.FromSeconds(10), "the node's first heartbeat");

        var self = seen[0];
        Assert.Equal(Environment.MachineName, self.GetProperty("name").GetString());
        Assert.True(self.GetProperty("self").GetBoolean());
        Assert.True(Is(self, "Up"));
        Assert.False(self.GetProperty("behind").GetBoolean());
        Assert.Contains(self.GetProperty("addresses").EnumerateArray(), a => a.GetString() == appliance.HttpsAddress.ToString().TrimEnd('/'));

        var metrics = await appliance.Api.GetStringAsync("/metrics");
        Assert.Contains("appliance_cluster_nodes{status=\"up\"} 1", metrics, StringComparison.Ordinal);
    }
}
