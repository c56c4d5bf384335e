namespace Appliance.Engine.Metrics;

/// <summary>
/// Exponential latency buckets from 0.25 ms to about five minutes, each 25 % wider than the last:
/// fixed memory per window, and percentiles within a quarter of the true value.
/// </summary>
internal static class LatencyBuckets
{
    private const double First = 0.25;
    private const double Growth = 1.25;

    public const int Count = 64;

    /// <summary>Upper bound in milliseconds of each bucket.</summary>
    public static readonly double[] UpperBounds = Enumerable.Range(0, Count).Select(i => First * Math.Pow(Growth, i)).ToArray();

    private static readonly double LogGrowth = Math.Log(Growth);

    public static int IndexOf(double milliseconds)
    {
        if (milliseconds <= First)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(Math.Log(milliseconds / First) / LogGrowth);
        return Math.Min(index, Count - 1);
    }
}
