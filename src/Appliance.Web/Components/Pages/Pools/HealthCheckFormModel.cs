using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>Editable health-check fields: the pool's stored health check, or the API's defaults for a new one.</summary>
public sealed class HealthCheckFormModel(HealthCheckSpec health) : FormModel<HealthCheckSpec>(health)
{
    public string Path { get => Spec.Path; set => Spec = Spec with { Path = value }; }

    public int IntervalSeconds { get => Spec.IntervalSeconds; set => Spec = Spec with { IntervalSeconds = value }; }

    public int TimeoutSeconds { get => Spec.TimeoutSeconds; set => Spec = Spec with { TimeoutSeconds = value }; }

    public int UnhealthyAfter { get => Spec.UnhealthyAfter; set => Spec = Spec with { UnhealthyAfter = value }; }

    public int HealthyAfter { get => Spec.HealthyAfter; set => Spec = Spec with { HealthyAfter = value }; }
}
