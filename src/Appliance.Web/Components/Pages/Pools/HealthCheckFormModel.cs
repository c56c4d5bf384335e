using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>Editable health-check fields, starting from the same defaults as the API.</summary>
public sealed class HealthCheckFormModel
{
    private static readonly HealthCheckSpec Defaults = new();

    public string Path { get; set; } = Defaults.Path;
    public int IntervalSeconds { get; set; } = Defaults.IntervalSeconds;
    public int TimeoutSeconds { get; set; } = Defaults.TimeoutSeconds;
    public int UnhealthyAfter { get; set; } = Defaults.UnhealthyAfter;
    public int HealthyAfter { get; set; } = Defaults.HealthyAfter;

    public static HealthCheckFormModel From(HealthCheckSpec health) => new()
    {
        Path = health.Path,
        IntervalSeconds = health.IntervalSeconds,
        TimeoutSeconds = health.TimeoutSeconds,
        UnhealthyAfter = health.UnhealthyAfter,
        HealthyAfter = health.HealthyAfter,
    };

    public HealthCheckSpec ToSpec() => new()
    {
        Path = Path,
        IntervalSeconds = IntervalSeconds,
        TimeoutSeconds = TimeoutSeconds,
        UnhealthyAfter = UnhealthyAfter,
        HealthyAfter = HealthyAfter,
    };
}
