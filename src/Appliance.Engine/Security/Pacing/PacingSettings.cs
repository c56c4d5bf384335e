namespace Appliance.Engine.Security.Pacing;

/// <summary>
/// How a <see cref="RepeatPacer"/> slows one kind of answer: <paramref name="Allowance"/> answers to
/// one client at once, refilled evenly over <paramref name="Window"/>; past it each waits about
/// <paramref name="Delay"/> (jittered by half either way), at most <paramref name="MaxDelayed"/> at once; and, when
/// <paramref name="GlobalPerSecond"/> is above 0, at most that many a second answered at once
/// whoever asks (a second's worth in a burst).
/// </summary>
internal sealed record PacingSettings(int Allowance, TimeSpan Window, TimeSpan Delay, int MaxDelayed, int GlobalPerSecond = 0)
{
    /// <summary>Pacing that never delays.</summary>
    public bool Off => Delay <= TimeSpan.Zero;
}
