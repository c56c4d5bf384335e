namespace Appliance.Engine.Metrics;

/// <summary>The data plane's traffic over one sampling interval, for the dashboard's charts.</summary>
public sealed record TrafficSample(DateTimeOffset At, double RequestsPerSecond, double ErrorsPerSecond, double? P95Milliseconds);
