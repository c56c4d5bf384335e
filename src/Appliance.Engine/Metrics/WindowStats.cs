namespace Appliance.Engine.Metrics;

/// <summary>Traffic of the last minute (or less, just after start) for a route, pool or backend.</summary>
public sealed record WindowStats(
    long Requests,
    double RequestsPerSecond,
    double ErrorRate,
    double? P50Milliseconds,
    double? P95Milliseconds,
    long Status1xx,
    long Status2xx,
    long Status3xx,
    long Status4xx,
    long Status5xx)
{
    public static WindowStats Empty { get; } = new(0, 0, 0, null, null, 0, 0, 0, 0, 0);
}
