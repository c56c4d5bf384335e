namespace Appliance.Engine.Warnings;

/// <summary>The routes of one snapshot as the setup warnings see them, in name order.</summary>
internal sealed record SetupPlan(IReadOnlyList<RouteSetup> Routes)
{
    /// <summary>No routes: the empty snapshot's.</summary>
    public static SetupPlan Empty { get; } = new([]);
}
