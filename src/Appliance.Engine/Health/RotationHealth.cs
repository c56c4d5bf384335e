using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Health;

/// <summary>A backend's health as the dashboard shows it, from its active and passive health.</summary>
internal static class RotationHealth
{
    /// <summary>
    /// Either check saying "down" keeps the backend out of rotation; either saying "up" is enough to
    /// call it healthy; neither having judged it yet leaves it unknown, and in rotation.
    /// </summary>
    public static DestinationHealth Of(DestinationHealth active, DestinationHealth passive) =>
        active == DestinationHealth.Unhealthy || passive == DestinationHealth.Unhealthy ? DestinationHealth.Unhealthy
        : active == DestinationHealth.Healthy || passive == DestinationHealth.Healthy ? DestinationHealth.Healthy
        : DestinationHealth.Unknown;
}
