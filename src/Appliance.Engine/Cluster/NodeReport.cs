using System.Text.Json;
using Appliance.Engine.Caching;
using Appliance.Engine.Health;

namespace Appliance.Engine.Cluster;

/// <summary>
/// What a node tells the others in its heartbeat beyond its revision: its backends' health as its
/// own probes see it (each node probes for itself) and its cache figures (each node caches for itself).
/// </summary>
public sealed record NodeReport(NodeHealth Health, CacheStatistics Cache)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The report of a node that has not said anything yet, or said something unreadable.</summary>
    public static NodeReport Empty { get; } = new(NodeHealth.None, new CacheStatistics(0, 0, 0, 0, 0, 0, 0));

    /// <summary>The compact summary of this node's health report and cache.</summary>
    public static NodeReport Of(HealthReport health, CacheStatistics cache) => new(
        new NodeHealth(health.Pools.Select(pool => new NodePoolHealth(
            pool.Name,
            pool.Backends.Select(b => new NodeBackendHealth(b.Address, b.Health, b.InRotation)).ToArray())).ToArray()),
        cache);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// Reads a stored report. A node of another version may have written a shape this one does not
    /// know; it is shown without details rather than breaking the list.
    /// </summary>
    public static NodeReport FromJson(string json)
    {
        try
        {
            var report = JsonSerializer.Deserialize<NodeReport>(json, Json);
            return report is { Health.Pools: not null, Cache: not null } ? report : Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }
}
