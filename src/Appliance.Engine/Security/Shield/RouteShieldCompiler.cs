using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// The shield's part of each route's plan: the global access lists and rate limits, then the
/// route's own, and its body limit. Lists and limits are compiled once per snapshot and shared by
/// the routes that use them; country rules read the one country database.
/// </summary>
internal sealed class RouteShieldCompiler(GeoIp.CountryDatabase? countries = null) : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        var accessLists = (document.AccessLists ?? []).OrderBy(l => l.Name, StringComparer.Ordinal)
            .ToDictionary(l => l.Name, l => (l.Global, Compiled: new CompiledAccessList(l, countries)), StringComparer.Ordinal);
        var rateLimits = (document.RateLimits ?? []).OrderBy(l => l.Name, StringComparer.Ordinal)
            .ToDictionary(l => l.Name, l => (l.Global, Plan: RateLimitPlan.From(l)), StringComparer.Ordinal);
        var globalLists = accessLists.Values.Where(l => l.Global).Select(l => l.Compiled).ToArray();
        var globalLimits = rateLimits.Values.Where(l => l.Global).Select(l => l.Plan).ToArray();

        foreach (var route in document.Routes)
        {
            CompiledAccessList[] ownList = route.AccessList is { } list && accessLists.TryGetValue(list, out var own) && !own.Global ? [own.Compiled] : [];
            RateLimitPlan[] ownLimit = route.RateLimit is { } limit && rateLimits.TryGetValue(limit, out var mine) && !mine.Global ? [mine.Plan] : [];
            plans.Set(route, new RouteShield([.. globalLists, .. ownList], [.. globalLimits, .. ownLimit], route.MaxRequestBodyBytes));
        }
    }
}
