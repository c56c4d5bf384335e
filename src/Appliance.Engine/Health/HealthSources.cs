namespace Appliance.Engine.Health;

/// <summary>Which check decided a health change, as the uptime API spells it.</summary>
public static class HealthSources
{
    /// <summary>Active health probes.</summary>
    public const string Probe = "probe";

    /// <summary>Live traffic: transport failures took the backend out, or their time-out ended.</summary>
    public const string Traffic = "traffic";
}
