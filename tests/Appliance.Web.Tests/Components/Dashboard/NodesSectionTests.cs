using Appliance.Engine.Caching;
using Appliance.Engine.Cluster;
using Appliance.Web.Components.Pages.Dashboard;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Dashboard;

public sealed class NodesSectionTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public NodesSectionTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Each_node_shows_its_status_in_words_its_revision_lag_and_its_backends()
    {
        var view = new ClusterView(7,
        [
            Node("node-a", NodeState.Up, revision: 7, behind: false, self: true, hits: 3, misses: 1),
            Node("node-b", NodeState.Up, revision: 5, behind: true, self: false, hits: 1, misses: 3),
            Node("node-c", NodeState.Down, revision: 6, behind: true, self: false, hits: 50, misses: 0),
        ]);

        var section = Render<NodesSection>(parameters => parameters.Add(p => p.View, view).Add(p => p.Now, Now));

        Assert.Equal("Up", section.Find("tr[data-node='node-a'] [data-status]").TextContent.Trim());
        Assert.Equal("Down", section.Find("tr[data-node='node-c'] [data-status]").TextContent.Trim());
        Assert.Contains("(this node)", section.Find("tr[data-node='node-a'] td").TextContent, StringComparison.Ordinal);
        Assert.Equal("false", section.Find("tr[data-node='node-a'] [data-behind]").GetAttribute("data-behind"));
        Assert.Contains("behind 7", section.Find("tr[data-node='node-b'] [data-behind]").TextContent, StringComparison.Ordinal);
        Assert.Equal("12 s ago", section.Find("tr[data-node='node-b'] td:nth-child(4)").TextContent);
        var backend = section.Find("tr[data-node='node-b'] [data-node-backend='web/http://b1']").TextContent;
        Assert.Equal("web: http://b1 Unhealthy, out of rotation", string.Join(' ', backend.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("0 of 1 healthy", section.Find("tr[data-node='node-b'] summary").TextContent, StringComparison.Ordinal);

        // The total counts live nodes only: the down node's cache went with it.
        var summary = section.Find("[data-testid='nodes-summary']").TextContent;
        Assert.Contains("2 of 3 up", summary, StringComparison.Ordinal);
        Assert.Contains("50.0 % of 8", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_nodes_the_section_says_so()
    {
        var section = Render<NodesSection>(parameters => parameters.Add(p => p.View, ClusterView.Empty).Add(p => p.Now, Now));
        Assert.Contains("No node has written its heartbeat yet.", section.Markup, StringComparison.Ordinal);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static NodeStatus Node(string name, NodeState status, long revision, bool behind, bool self, long hits, long misses) => new(
        name,
        ["http://10.0.0.1:8081"],
        "1.0.0",
        revision,
        status,
        behind,
        Now.AddHours(-1),
        Now.AddSeconds(-12),
        self,
        new NodeHealth([new NodePoolHealth("web", [new NodeBackendHealth("http://b1", self ? "Healthy" : "Unhealthy", self)])]),
        new CacheStatistics(1, 10, 100, hits, misses, 0, 1));
}
