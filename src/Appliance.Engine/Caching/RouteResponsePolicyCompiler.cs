using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Caching;

/// <summary>
/// The response side's part of each route's plan: the cache rules that apply (the route's own
/// first, then the global ones, each in name order) and whether text is compressed.
/// </summary>
internal sealed class RouteResponsePolicyCompiler(CacheOptions options) : IRoutePlanCompiler
{
    private readonly CacheTargets _targets = CacheTargets.Of(options);

    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        var rules = (document.CacheRules ?? []).OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => (Spec: r, Plan: new CacheRulePlan(r, _targets)))
            .ToArray();
        var globalRules = rules.Where(r => r.Spec.Route is null).Select(r => r.Plan).ToArray();
        foreach (var route in document.Routes)
        {
            var ownRules = rules.Where(r => r.Spec.Route == route.Name).Select(r => r.Plan);
            plans.Set(route, new RouteResponsePolicy([.. ownRules, .. globalRules], route.Compression));
        }
    }
}
