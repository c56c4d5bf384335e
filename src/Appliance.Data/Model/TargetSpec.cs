namespace Appliance.Data.Model;

/// <summary>A pool that receives a weighted share of a route's traffic.</summary>
public sealed record TargetSpec
{
    /// <summary>Name of the pool.</summary>
    public string Pool { get; init; } = "";

    /// <summary>Share of the route's traffic relative to the other targets, 0 to 100; 0 takes the target out.</summary>
    public int Weight { get; init; } = 100;
}
