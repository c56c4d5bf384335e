using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Routing.Testing;

/// <summary>Keeps each route's spec in its plan, so an explanation reads the same revision the match was made on.</summary>
internal sealed class ConfiguredRouteCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        foreach (var route in document.Routes)
        {
            plans.Set(route, new ConfiguredRoute(route));
        }
    }
}
