using Appliance.Engine.Caching;
using Appliance.Engine.Cluster;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Dashboard;

/// <summary>
/// The Nodes section of the dashboard: given the directory's last reading, it shows it, and lets an
/// Admin forget a node that is down through the same path as <c>DELETE /api/v1/nodes/{name}</c>.
/// </summary>
public partial class NodesSection
{
    private string? _error;

    [Parameter, EditorRequired]
    public ClusterView View { get; set; } = ClusterView.Empty;

    [Parameter, EditorRequired]
    public DateTimeOffset Now { get; set; }

    /// <summary>Called after a node was forgotten, so the page reads the nodes again.</summary>
    [Parameter]
    public EventCallback Forgotten { get; set; }

    private string Summary
    {
        get
        {
            var cache = ClusterCache.Of(View);
            var up = cache.Nodes.Count;
            return $"{up} of {View.Nodes.Count} up, configuration revision {View.DatabaseRevision}. "
                + $"Cache across live nodes: {CacheText(cache.Total)}, {cache.Total.Entries:N0} entries.";
        }
    }

    private async Task ForgetAsync(NodeStatus node)
    {
        var question = $"Forget node '{node.Name}'? Its row and last figures go; if it starts again it registers anew.";
        if (!await Dialogs.ConfirmAsync("Forget node", question, "Forget") || await EditorAsync() is not { } actor)
        {
            return;
        }

        // The view may be seconds old: the store decides, and its refusal (the node is back up) is shown as it says it.
        var result = await Forgetter.ForgetAsync(node.Name, actor);
        _error = result.Succeeded ? null : result.Detail;
        if (result.Succeeded)
        {
            await Forgotten.InvokeAsync();
        }
    }

    private static string CacheText(CacheStatistics cache) => $"{cache.HitRatio * 100:0.0} % of {cache.Hits + cache.Misses:N0}";

    private static string StatusIcon(NodeStatus node) =>
        node.Status == NodeState.Up ? Icons.Material.Filled.CheckCircle : Icons.Material.Filled.Cancel;

    private static Color StatusColor(NodeStatus node) => node.Status == NodeState.Up ? Color.Success : Color.Error;
}
