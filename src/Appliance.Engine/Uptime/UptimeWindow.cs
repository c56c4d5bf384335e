namespace Appliance.Engine.Uptime;

/// <summary>A backend's time in and out of rotation over one window, and how much of it was observed at all.</summary>
public sealed record UptimeWindow(TimeSpan Up, TimeSpan Down)
{
    public TimeSpan Observed => Up + Down;

    /// <summary>Time in rotation as a percentage of the time observed; null when nothing was observed.</summary>
    public double? Percent => Observed > TimeSpan.Zero ? Math.Round(100.0 * Up.Ticks / Observed.Ticks, 3) : null;
}
