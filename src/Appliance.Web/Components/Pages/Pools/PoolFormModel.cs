using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>The pool form's editable state; it becomes a <see cref="PoolSpec"/> only when saved, so the store validates exactly what the API would.</summary>
public sealed class PoolFormModel
{
    public string Name { get; set; } = "";
    public string LoadBalancing { get; set; } = LoadBalancingPolicyNames.RoundRobin;
    public bool HealthCheckEnabled { get; set; } = true;
    public HealthCheckFormModel HealthCheck { get; set; } = new();
    public List<BackendFormRow> Backends { get; set; } = [new()];

    public static PoolFormModel From(PoolSpec pool) => new()
    {
        Name = pool.Name,
        LoadBalancing = pool.LoadBalancing,
        HealthCheckEnabled = pool.HealthCheck is not null,
        HealthCheck = pool.HealthCheck is { } health ? HealthCheckFormModel.From(health) : new(),
        Backends = pool.Backends.Select(BackendFormRow.From).ToList(),
    };

    public PoolSpec ToSpec() => new()
    {
        Name = Name,
        LoadBalancing = LoadBalancing,
        HealthCheck = HealthCheckEnabled ? HealthCheck.ToSpec() : null,
        Backends = Backends.Select(b => b.ToSpec()).ToArray(),
    };
}
