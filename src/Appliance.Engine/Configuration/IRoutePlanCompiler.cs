using Appliance.Data.Model;

namespace Appliance.Engine.Configuration;

/// <summary>
/// One feature's share of the route plans. A feature registers its compiler in the data plane with
/// its other services (<c>AddShield()</c> registers the shield's); the snapshot builder runs every
/// registered compiler once per snapshot. Like the builder, a compiler is pure: the same document
/// always gives the same parts.
/// </summary>
internal interface IRoutePlanCompiler
{
    /// <summary>
    /// Compiles this feature's part for every route of <paramref name="document"/> and sets it on
    /// <paramref name="plans"/>. What the routes share (global lists, compiled rules) is compiled
    /// once here, not once per route.
    /// </summary>
    void Compile(ConfigDocument document, RoutePlanBuilder plans);
}
