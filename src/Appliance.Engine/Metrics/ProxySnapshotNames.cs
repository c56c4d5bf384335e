using Appliance.Engine.Configuration;

namespace Appliance.Engine.Metrics;

/// <summary>The route, pool and backend names a snapshot configures: what per-name state may keep.</summary>
internal sealed class ProxySnapshotNames
{
    private ProxySnapshotNames(HashSet<string> routes, HashSet<string> pools, HashSet<(string Pool, string Backend)> backends)
    {
        Routes = routes;
        Pools = pools;
        Backends = backends;
    }

    public IReadOnlySet<string> Routes { get; }
    public IReadOnlySet<string> Pools { get; }
    public IReadOnlySet<(string Pool, string Backend)> Backends { get; }

    public static ProxySnapshotNames Of(ProxySnapshot snapshot) => new(
        snapshot.Plans.Keys.ToHashSet(StringComparer.Ordinal),
        snapshot.Pools.Select(p => p.Name).ToHashSet(StringComparer.Ordinal),
        snapshot.Pools.SelectMany(p => p.Backends.Select(b => (p.Name, b.Address))).ToHashSet());
}
