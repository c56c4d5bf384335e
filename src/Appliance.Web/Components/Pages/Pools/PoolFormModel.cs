using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>
/// The pool form's editable state: the pool it was opened with (or the API's defaults for a new
/// one), changed only in the fields the form shows; see <see cref="FormModel{TSpec}"/>.
/// </summary>
public sealed class PoolFormModel : FormModel<PoolSpec>
{
    /// <summary>A new pool: offered a health check and one empty backend row to fill in.</summary>
    public PoolFormModel()
    {
        HealthCheckEnabled = true;
        HealthCheck = new HealthCheckFormModel(new HealthCheckSpec());
        Backends = [new BackendFormRow()];
        Limits = new PoolLimitsFormModel(Spec);
    }

    /// <summary>A form for <paramref name="pool"/> as stored.</summary>
    public PoolFormModel(PoolSpec pool)
        : base(pool)
    {
        HealthCheckEnabled = pool.HealthCheck is not null;

        // Switching the probe off and on again before saving brings back the stored one, not the defaults.
        HealthCheck = new HealthCheckFormModel(pool.HealthCheck ?? new HealthCheckSpec());
        Backends = pool.Backends.Select(backend => new BackendFormRow(backend)).ToList();
        Limits = new PoolLimitsFormModel(pool);
    }

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    public string LoadBalancing { get => Spec.LoadBalancing; set => Spec = Spec with { LoadBalancing = value }; }

    public bool HealthCheckEnabled { get; set; }

    public HealthCheckFormModel HealthCheck { get; }

    public List<BackendFormRow> Backends { get; }

    public PoolLimitsFormModel Limits { get; }

    /// <inheritdoc />
    public override PoolSpec ToSpec() => Limits.ApplyTo(Spec with
    {
        HealthCheck = HealthCheckEnabled ? HealthCheck.ToSpec() : null,
        Backends = Backends.Select(backend => backend.ToSpec()).ToArray(),
    });
}
