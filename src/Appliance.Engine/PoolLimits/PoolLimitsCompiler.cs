using System.Collections.Frozen;
using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.PoolLimits;

/// <summary>Compiles the capped pools once per snapshot, for the routes' plans and for the snapshot itself.</summary>
internal sealed class PoolLimitsCompiler : IRoutePlanCompiler, ISnapshotPartCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        var set = Build(document);
        foreach (var route in document.Routes)
        {
            plans.Set(route, set);
        }
    }

    public void Compile(ConfigDocument document, SnapshotParts parts) => parts.Set(Build(document));

    internal static PoolLimitSet Build(ConfigDocument document)
    {
        var limits = document.Pools
            .Where(pool => pool.MaxConcurrentRequests is not null)
            .ToFrozenDictionary(
                pool => pool.Name,
                pool => new PoolLimit(
                    pool.MaxConcurrentRequests!.Value,
                    pool.Queue?.Length ?? 0,
                    TimeSpan.FromSeconds(pool.Queue?.TimeoutSeconds ?? 0)),
                StringComparer.Ordinal);
        return limits.Count == 0 ? PoolLimitSet.None : new PoolLimitSet(limits);
    }
}
