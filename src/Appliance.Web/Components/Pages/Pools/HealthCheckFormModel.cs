using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>Editable health-check fields, applied onto the stored health check (or the API's defaults for a new one).</summary>
public sealed class HealthCheckFormModel
{
    private static readonly HealthCheckSpec Defaults = new();

    private HealthCheckSpec _stored = Defaults;

    public string Path { get; set; } = Defaults.Path;
    public int IntervalSeconds { get; set; } = Defaults.IntervalSeconds;
    public int TimeoutSeconds { get; set; } = Defaults.TimeoutSeconds;
    public int UnhealthyAfter { get; set; } = Defaults.UnhealthyAfter;
    public int HealthyAfter { get; set; } = Defaults.HealthyAfter;

    public static HealthCheckFormModel From(HealthCheckSpec health) => new()
    {
        _stored = health,
        Path = health.Path,
        IntervalSeconds = health.IntervalSeconds,
        TimeoutSeconds = health.TimeoutSeconds,
        UnhealthyAfter = health.UnhealthyAfter,
        HealthyAfter = health.HealthyAfter,
    };

    public HealthCheckSpec ToSpec() => _stored with
    {
        Path = Path,
        IntervalSeconds = IntervalSeconds,
        TimeoutSeconds = TimeoutSeconds,
        UnhealthyAfter = UnhealthyAfter,
        HealthyAfter = HealthyAfter,
    };
}
