namespace Appliance.Engine.Health;

/// <summary>Policy names and cluster metadata keys of health checking.</summary>
internal static class HealthCheckNames
{
    /// <summary>Our active policy: N failures take a backend out, M successes put it back.</summary>
    public const string ActivePolicy = "Appliance.ConsecutiveResults";

    /// <summary>Our passive policy: transport failures on live traffic take a backend out for the configured period.</summary>
    public const string PassivePolicy = "Appliance.LiveTrafficFailures";

    /// <summary>
    /// Unhealthy backends get no traffic, even when all are down: a 503 is honest, a dead backend is
    /// not. Ours (<see cref="InRotationDestinationsPolicy"/>), because YARP's HealthyAndUnknown
    /// ignores active health on a cluster whose YARP probes are off, and TCP probes are ours.
    /// </summary>
    public const string AvailableDestinationsPolicy = "Appliance.InRotation";

    public const string UnhealthyAfterMetadata = "Appliance.UnhealthyAfter";
    public const string HealthyAfterMetadata = "Appliance.HealthyAfter";
}
