using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>
/// The pool form's editable state. It keeps the pool it was opened with and saves that pool with
/// only the form's fields changed, so a member added to the API later survives a save from a form
/// that does not know it yet; the store then validates exactly what the API would.
/// </summary>
public sealed class PoolFormModel
{
    // What the form started from: the stored pool, or the API's defaults for a new one.
    private readonly PoolSpec _stored;

    public PoolFormModel()
        : this(new PoolSpec(), healthCheckEnabled: true, [new()])
    {
    }

    // A new pool is offered a health check and an empty backend row; a stored one shows what it has.
    private PoolFormModel(PoolSpec stored, bool healthCheckEnabled, List<BackendFormRow> backends)
    {
        _stored = stored;
        Name = stored.Name;
        LoadBalancing = stored.LoadBalancing;
        HealthCheckEnabled = healthCheckEnabled;
        HealthCheck = HealthCheckFormModel.From(stored.HealthCheck ?? new HealthCheckSpec());
        Backends = backends;
    }

    public string Name { get; set; }
    public string LoadBalancing { get; set; }
    public bool HealthCheckEnabled { get; set; }
    public HealthCheckFormModel HealthCheck { get; set; }
    public List<BackendFormRow> Backends { get; set; }

    /// <summary>A form for <paramref name="pool"/> as stored.</summary>
    public static PoolFormModel From(PoolSpec pool) => new(pool, pool.HealthCheck is not null, pool.Backends.Select(BackendFormRow.From).ToList());

    /// <summary>The stored pool with the form's fields applied.</summary>
    public PoolSpec ToSpec() => _stored with
    {
        Name = Name,
        LoadBalancing = LoadBalancing,
        HealthCheck = HealthCheckEnabled ? HealthCheck.ToSpec() : null,
        Backends = Backends.Select(b => b.ToSpec()).ToArray(),
    };
}
