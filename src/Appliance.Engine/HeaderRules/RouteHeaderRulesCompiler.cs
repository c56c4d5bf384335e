using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.HeaderRules;

/// <summary>Compiles each route's header rules once per snapshot: names kept, values cut into text and placeholders.</summary>
internal sealed class RouteHeaderRulesCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        foreach (var route in document.Routes)
        {
            var (request, response) = (HeaderRuleSet.From(route.RequestHeaders), HeaderRuleSet.From(route.ResponseHeaders));
            plans.Set(route, request.IsEmpty && response.IsEmpty ? RouteHeaderRules.None : new RouteHeaderRules(request, response));
        }
    }
}
