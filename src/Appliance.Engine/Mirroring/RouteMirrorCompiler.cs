using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Mirroring;

/// <summary>Mirroring's part of each route's plan: the shadow pool and share, or <see cref="RouteMirror.Off"/>.</summary>
internal sealed class RouteMirrorCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        foreach (var route in document.Routes)
        {
            // Validation keeps redirect routes from mirroring; they would forward nothing to copy anyway.
            plans.Set(route, route.Mirror is { } mirror && route.Redirect is null
                ? RouteMirror.For(route.Name, mirror.Pool, mirror.Percent)
                : RouteMirror.Off);
        }
    }
}
