using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>Editable health-check fields: the pool's stored health check, or the API's defaults for a new one.</summary>
public sealed class HealthCheckFormModel(HealthCheckSpec health) : FormModel<HealthCheckSpec>(health)
{
    // The path typed before switching to a TCP probe comes back when switching to HTTP again.
    private string _httpPath = health.Path ?? "/";

    /// <summary>A TCP connect probe (no path) rather than an HTTP request.</summary>
    public bool TcpProbe
    {
        get => Spec.Path is null;
        set => Spec = Spec with { Path = value ? null : _httpPath };
    }

    public string Path
    {
        get => Spec.Path ?? "";
        set
        {
            _httpPath = value;
            Spec = Spec with { Path = value };
        }
    }

    public int IntervalSeconds { get => Spec.IntervalSeconds; set => Spec = Spec with { IntervalSeconds = value }; }

    public int TimeoutSeconds { get => Spec.TimeoutSeconds; set => Spec = Spec with { TimeoutSeconds = value }; }

    public int UnhealthyAfter { get => Spec.UnhealthyAfter; set => Spec = Spec with { UnhealthyAfter = value }; }

    public int HealthyAfter { get => Spec.HealthyAfter; set => Spec = Spec with { HealthyAfter = value }; }
}
