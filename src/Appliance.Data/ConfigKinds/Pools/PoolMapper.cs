using Appliance.Data.Entities;
using Appliance.Data.Model;

namespace Appliance.Data.ConfigKinds.Pools;

internal sealed class PoolMapper : IConfigMapper<PoolSpec, PoolEntity>
{
    public PoolSpec ToSpec(PoolEntity pool) => new()
    {
        Name = pool.Name,
        LoadBalancing = pool.LoadBalancing,
        HealthCheck = pool.HealthCheck is { } h
            ? new HealthCheckSpec
            {
                Path = string.IsNullOrEmpty(h.Path) ? null : h.Path,
                IntervalSeconds = h.IntervalSeconds,
                TimeoutSeconds = h.TimeoutSeconds,
                UnhealthyAfter = h.UnhealthyAfter,
                HealthyAfter = h.HealthyAfter,
            }
            : null,
        Backends = pool.Backends.OrderBy(b => b.Position)
            .Select(b => new BackendSpec { Address = b.Address, Weight = b.Weight, Enabled = b.Enabled })
            .ToArray(),
        MaxConcurrentRequests = pool.MaxConcurrentRequests,
        Queue = pool is { QueueLength: { } length, QueueTimeoutSeconds: { } timeout } ? new PoolQueueSpec { Length = length, TimeoutSeconds = timeout } : null,
    };

    public void Apply(PoolSpec spec, PoolEntity pool, ApplianceDbContext db)
    {
        pool.Name = spec.Name;
        pool.LoadBalancing = spec.LoadBalancing;
        pool.HealthCheck = spec.HealthCheck is { } h
            ? new HealthCheckSettings
            {
                // The column predates TCP probes: an empty path stores "no path", a TCP connect probe.
                Path = h.Path ?? "",
                IntervalSeconds = h.IntervalSeconds,
                TimeoutSeconds = h.TimeoutSeconds,
                UnhealthyAfter = h.UnhealthyAfter,
                HealthyAfter = h.HealthyAfter,
            }
            : null;
        pool.MaxConcurrentRequests = spec.MaxConcurrentRequests;
        pool.QueueLength = spec.Queue?.Length;
        pool.QueueTimeoutSeconds = spec.Queue?.TimeoutSeconds;

        // Backends are matched by address so that an edit keeps their identity.
        var existing = pool.Backends.ToDictionary(b => b.Address, StringComparer.OrdinalIgnoreCase);
        var kept = new List<BackendEntity>(spec.Backends.Count);
        for (var i = 0; i < spec.Backends.Count; i++)
        {
            var backendSpec = spec.Backends[i];
            var backend = existing.GetValueOrDefault(backendSpec.Address) ?? new BackendEntity();
            backend.Address = backendSpec.Address;
            backend.Weight = backendSpec.Weight;
            backend.Enabled = backendSpec.Enabled;
            backend.Position = i;
            kept.Add(backend);
        }

        pool.Backends.RemoveAll(b => !kept.Contains(b));
        pool.Backends.AddRange(kept.Where(b => !pool.Backends.Contains(b)));
    }
}
