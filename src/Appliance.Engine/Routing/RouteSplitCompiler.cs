using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Routing;

/// <summary>The traffic split's part of each route's plan: its weighted targets and sticky cookie.</summary>
internal sealed class RouteSplitCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        foreach (var route in document.Routes)
        {
            plans.Set(route, new RouteSplit(
                route.Name,
                route.Sticky,
                StickyCookie.NameFor(route.Name),
                route.Targets.Select(t => new SplitTarget(t.Pool, t.Weight, StickyCookie.ValueFor(route.Name, t.Pool))).ToArray()));
        }
    }
}
