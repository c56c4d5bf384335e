using Appliance.Data.Cluster;
using Appliance.Data.Model;
using Appliance.Engine.Caching;
using Appliance.Engine.Cluster;
using Appliance.Web.Components.Pages.Dashboard;
using Bunit;

namespace Appliance.Web.Tests.Components.Dashboard;

public sealed class NodesSectionTests : FormContext, IClassFixture<ConfigDatabase>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public NodesSectionTests(ConfigDatabase database)
        : base(database)
    {
        // The real registry over the test's database, and the heartbeat's default (5 s, so down after 15 s).
        Services.AddSingleton(new NodeForgetter(database.Services.GetRequiredService<NodeRegistry>(), new NodeOptions(), TimeProvider.System));
    }

    private NodeRegistry Registry => Database.Services.GetRequiredService<NodeRegistry>();

    [Fact]
    public async Task Each_node_shows_its_status_in_words_its_revision_lag_and_its_backends()
    {
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
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

        // A Viewer forgets nothing: not even a down node has the button.
        Assert.Empty(section.FindAll("button[aria-label^='Forget node']"));
        Assert.DoesNotContain("Forget", section.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_nodes_the_section_says_so()
    {
        await SignInAsync();
        var section = Render<NodesSection>(parameters => parameters.Add(p => p.View, ClusterView.Empty).Add(p => p.Now, Now));
        Assert.Contains("No node has written its heartbeat yet.", section.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_forgets_a_down_node_after_confirming_and_the_removal_is_audited()
    {
        await SignInAsync();
        var gone = UniqueName("gone");
        var live = UniqueName("live");
        await BeatAsync(gone, DateTimeOffset.UtcNow.AddHours(-1));
        await BeatAsync(live, DateTimeOffset.UtcNow);
        var forgotten = 0;
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var view = new ClusterView(1, [Node(gone, NodeState.Down, 1, false, false, 0, 0), Node(live, NodeState.Up, 1, false, false, 0, 0)]);
        var section = Render<NodesSection>(parameters => parameters.Add(p => p.View, view).Add(p => p.Now, Now).Add(p => p.Forgotten, () => forgotten++));

        // Only the down node can be forgotten: a live one would write its row again.
        Assert.Empty(section.FindAll($"button[aria-label='Forget node {live}']"));

        // Cancelling keeps it.
        await section.InvokeAsync(() => section.Find($"button[aria-label='Forget node {gone}']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains($"Forget node '{gone}'?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain($"Forget node '{gone}'?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains(await Registry.ListAsync(), n => n.Name == gone);

        await section.InvokeAsync(() => section.Find($"button[aria-label='Forget node {gone}']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains($"Forget node '{gone}'?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Forget").Click());

        section.WaitForAssertion(() => Assert.Equal(1, forgotten));
        Assert.DoesNotContain(await Registry.ListAsync(), n => n.Name == gone);
        Assert.Contains(await Registry.ListAsync(), n => n.Name == live);
        Assert.Empty(section.FindAll("[data-testid='nodes-error']"));
        var audit = await Database.Audit.GetLatestAsync(20);
        Assert.Contains(audit, a => a.EntityType == "node" && a.EntityName == gone && a.Action == Appliance.Data.Entities.AuditAction.Delete && a.Actor == "ops");
    }

    [Fact]
    public async Task A_node_that_came_back_since_the_page_read_it_is_refused_with_the_stores_reason()
    {
        await SignInAsync();
        var back = UniqueName("back");

        // The page's reading says down; the node has written its heartbeat since.
        await BeatAsync(back, DateTimeOffset.UtcNow);
        var forgotten = 0;
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var view = new ClusterView(1, [Node(back, NodeState.Down, 1, false, false, 0, 0)]);
        var section = Render<NodesSection>(parameters => parameters.Add(p => p.View, view).Add(p => p.Now, Now).Add(p => p.Forgotten, () => forgotten++));

        await section.InvokeAsync(() => section.Find($"button[aria-label='Forget node {back}']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains($"Forget node '{back}'?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Forget").Click());

        section.WaitForAssertion(() => Assert.Contains($"Node '{back}' is up", section.Find("[data-testid='nodes-error']").TextContent, StringComparison.Ordinal));
        Assert.Contains("stop it before removing it", section.Find("[data-testid='nodes-error']").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, forgotten);
        Assert.Contains(await Registry.ListAsync(), n => n.Name == back);
    }

    private Task BeatAsync(string name, DateTimeOffset lastSeen) =>
        Registry.BeatAsync(new NodeRecord(name, ["http://10.0.0.9:8081"], "1.0.0", 1, lastSeen.AddHours(-2), lastSeen, "{}"), afterFirst: false);

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
