using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Cluster;

/// <summary>
/// Two nodes on one database with a scripted origin behind a cached route on <c>cache.sync.test</c>.
/// They poll once a minute, so whatever arrives within seconds came by NOTIFY.
/// </summary>
public sealed class SyncCluster : ApplianceCluster
{
    public const string CachedHost = "cache.sync.test";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [Appliance.Data.Cluster.ClusterOptions.PollSecondsKey] = "60",
    };

    public ScriptedOrigin Origin { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Origin = await ScriptedOrigin.StartAsync();
        Origin.On("/", "origin");
        await A.AddPoolAsync(new { name = "origin", backends = new[] { new { address = Origin.Address } } });
        await A.AddRouteAsync(new { name = "cached", hosts = new[] { CachedHost }, targets = new[] { new { pool = "origin", weight = 1 } } });
        using var rule = await A.Api.PostAsJsonAsync("/api/v1/cache-rules", new { name = "all", route = "cached", match = "/", mode = "FollowOrigin" });
        rule.EnsureSuccessStatusCode();
        foreach (var node in Nodes)
        {
            await node.WaitForLiveConfigAsync();
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Origin.DisposeAsync();
    }
}
