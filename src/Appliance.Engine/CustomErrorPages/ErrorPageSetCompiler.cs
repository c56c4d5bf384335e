using System.Collections.Frozen;
using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.CustomErrorPages;

/// <summary>
/// Compiles each configured page once and gives every route its <see cref="ErrorPageSet"/> (its
/// own pages over the global ones), and the plan of unmatched requests the global ones.
/// </summary>
internal sealed class ErrorPageSetCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        var pages = (document.ErrorPages ?? []).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (Spec: p, Template: ErrorPageTemplate.Parse(p.Name, p.Html)))
            .ToArray();

        // Validation allows one page per status and route; TryAdd keeps the first by name if an
        // older store ever held two.
        var global = new Dictionary<int, ErrorPageTemplate>();
        foreach (var (spec, template) in pages.Where(p => p.Spec.Route is null))
        {
            global.TryAdd(spec.Status, template);
        }

        var globalSet = global.Count == 0 ? ErrorPageSet.Empty : new ErrorPageSet(global.ToFrozenDictionary());
        plans.SetUnmatched(globalSet);
        var byRoute = pages.Where(p => p.Spec.Route is not null).ToLookup(p => p.Spec.Route!, StringComparer.Ordinal);
        foreach (var route in document.Routes)
        {
            if (!byRoute.Contains(route.Name))
            {
                plans.Set(route, globalSet);
                continue;
            }

            var own = new Dictionary<int, ErrorPageTemplate>(global);
            foreach (var (spec, template) in byRoute[route.Name])
            {
                own[spec.Status] = template;
            }

            plans.Set(route, new ErrorPageSet(own.ToFrozenDictionary()));
        }
    }
}
