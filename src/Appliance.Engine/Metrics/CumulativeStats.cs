namespace Appliance.Engine.Metrics;

/// <summary>What a window has counted since it was created: requests per status class and latencies.</summary>
internal sealed record CumulativeStats(long[] StatusClasses, long[] Latencies, double SumMilliseconds)
{
    public long Requests => StatusClasses.Sum();
}
