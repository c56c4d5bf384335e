namespace Appliance.Data.Entities;

internal sealed class HealthCheckSettings
{
    public string Path { get; set; } = "/";
    public int IntervalSeconds { get; set; }
    public int TimeoutSeconds { get; set; }
    public int UnhealthyAfter { get; set; }
    public int HealthyAfter { get; set; }
}
