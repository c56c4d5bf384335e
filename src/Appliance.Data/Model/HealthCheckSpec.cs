namespace Appliance.Data.Model;

/// <summary>Active health probing of every backend in a pool.</summary>
public sealed record HealthCheckSpec
{
    /// <summary>
    /// Path probed on each backend over HTTP; a 2xx answer is a success. Null makes the probe a TCP
    /// connect (a backend that accepts the connection passes), for pools of non-HTTP backends.
    /// </summary>
    public string? Path { get; init; } = "/";

    /// <summary>Seconds between probes.</summary>
    public int IntervalSeconds { get; init; } = 5;

    /// <summary>Seconds a probe may take before it counts as a failure.</summary>
    public int TimeoutSeconds { get; init; } = 2;

    /// <summary>Consecutive failed probes that take a backend out of rotation.</summary>
    public int UnhealthyAfter { get; init; } = 2;

    /// <summary>Consecutive successful probes that put an unhealthy backend back.</summary>
    public int HealthyAfter { get; init; } = 1;
}
