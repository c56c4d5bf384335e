using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Health;

/// <summary>A backend's health as the event log last saw it: in rotation or not, and each check's own verdict.</summary>
internal readonly record struct ShownHealth(DestinationHealth Rotation, DestinationHealth Active, DestinationHealth Passive)
{
    public static ShownHealth Unknown { get; } = new(DestinationHealth.Unknown, DestinationHealth.Unknown, DestinationHealth.Unknown);

    /// <summary>
    /// Which check made the change from <paramref name="before"/> to <paramref name="now"/>: the one
    /// that newly holds the backend out, or the one that let it go; a first verdict is the probes'
    /// when they have one.
    /// </summary>
    public static string SourceOf(ShownHealth before, DestinationHealth now, DestinationHealth active, DestinationHealth passive)
    {
        if (now == DestinationHealth.Unhealthy)
        {
            return active == DestinationHealth.Unhealthy && before.Active != DestinationHealth.Unhealthy ? HealthSources.Probe
                : passive == DestinationHealth.Unhealthy ? HealthSources.Traffic
                : HealthSources.Probe;
        }

        if (before.Rotation == DestinationHealth.Unhealthy)
        {
            return before.Passive == DestinationHealth.Unhealthy && passive != DestinationHealth.Unhealthy ? HealthSources.Traffic : HealthSources.Probe;
        }

        return active != DestinationHealth.Unknown ? HealthSources.Probe : HealthSources.Traffic;
    }
}
