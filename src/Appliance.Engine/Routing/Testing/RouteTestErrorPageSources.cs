namespace Appliance.Engine.Routing.Testing;

/// <summary>Where the page for an appliance's own answer comes from, in the order they are looked for.</summary>
public static class RouteTestErrorPageSources
{
    /// <summary>A custom page given to the route itself.</summary>
    public const string Route = "route";

    /// <summary>A custom page for every route (and for requests no route takes).</summary>
    public const string Global = "global";

    /// <summary>The appliance's built-in page.</summary>
    public const string Default = "default";
}
