namespace Appliance.Data.Uptime;

/// <summary>What a recorded health transition says about a backend from then on.</summary>
public static class UptimeStates
{
    /// <summary>In rotation: healthy, or not judged unhealthy by either check.</summary>
    public const string Up = "Up";

    /// <summary>Out of rotation: a check holds it out.</summary>
    public const string Down = "Down";

    /// <summary>No longer observed by the node (drained, removed, or its pool removed): unknown from then on.</summary>
    public const string Unobserved = "Unobserved";
}
