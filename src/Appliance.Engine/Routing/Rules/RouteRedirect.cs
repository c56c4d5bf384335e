namespace Appliance.Engine.Routing.Rules;

/// <summary>
/// The redirect step's part of a route's plan: for a redirect route, the status and the location
/// template with the route's prefix that <c>{path}</c> is measured from; <see cref="None"/> for a
/// route that forwards.
/// </summary>
internal sealed record RouteRedirect(string Prefix, string Location, int Status, bool KeepQuery)
{
    public static RouteRedirect None { get; } = new("/", "", 0, false);

    public bool IsActive => Status != 0;
}
