namespace Appliance.Data.Model;

/// <summary>
/// A route's traffic mirror: a copy of a share of the requests it forwards goes to a destination of
/// a shadow pool, whose answers are read, counted and thrown away. Clients never wait for a copy.
/// </summary>
public sealed record MirrorSpec
{
    /// <summary>The shadow pool; its own load balancing picks the destination among its healthy backends.</summary>
    public string Pool { get; init; } = "";

    /// <summary>The share of the route's forwarded requests that are copied, in percent: more than 0, at most 100, in steps of 0.01.</summary>
    public decimal Percent { get; init; } = 100;
}
