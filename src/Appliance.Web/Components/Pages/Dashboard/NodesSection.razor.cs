using Appliance.Engine.Caching;
using Appliance.Engine.Cluster;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Dashboard;

/// <summary>The Nodes section of the dashboard: given the directory's last reading, it only shows it.</summary>
public partial class NodesSection
{
    [Parameter, EditorRequired]
    public ClusterView View { get; set; } = ClusterView.Empty;

    [Parameter, EditorRequired]
    public DateTimeOffset Now { get; set; }

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

    private static string CacheText(CacheStatistics cache) => $"{cache.HitRatio * 100:0.0} % of {cache.Hits + cache.Misses:N0}";

    private static string StatusIcon(NodeStatus node) =>
        node.Status == NodeState.Up ? Icons.Material.Filled.CheckCircle : Icons.Material.Filled.Cancel;

    private static Color StatusColor(NodeStatus node) => node.Status == NodeState.Up ? Color.Success : Color.Error;
}
