using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Routing.Rules;

/// <summary>Compiles each route's <see cref="RouteRedirect"/>.</summary>
internal sealed class RouteRedirectCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        foreach (var route in document.Routes)
        {
            plans.Set(route, route.Redirect is { } redirect
                ? new RouteRedirect(route.Path, redirect.Location, redirect.Status, redirect.KeepQuery)
                : RouteRedirect.None);
        }
    }
}
