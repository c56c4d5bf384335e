using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Routing.Rules;
using Appliance.Engine.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Appliance.Engine.Routing;

/// <summary>
/// Routing's share of the request path around YARP's own route match: the canonical path every
/// decision and the backend see, the page for requests no route takes, and the traffic split
/// among a route's weighted targets.
/// </summary>
internal static class RoutingRegistration
{
    public static ApplianceEngineBuilder AddRouting(this ApplianceEngineBuilder engine)
    {
        engine.DataPlane.AddSingleton<ITransformProvider, CanonicalPathTransformProvider>();
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, RouteSplitCompiler>();
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, RouteRedirectCompiler>();
        engine.AddShared<RedirectCounter>();
        engine.Services.AddSingleton<Metrics.IMetricsSource, RedirectMetrics>();
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, Testing.ConfiguredRouteCompiler>();
        engine.Services.AddSingleton<Testing.RouteTester>();
        engine.DataPlane.AddSingleton<MatcherPolicy, RequestConditionsMatcherPolicy>();
        return engine;
    }

    /// <summary>Before anything decides by path.</summary>
    public static IApplicationBuilder UseCanonicalPath(this IApplicationBuilder app) =>
        app.UseMiddleware<CanonicalPathMiddleware>();

    /// <summary>
    /// Right after the route match: no route matched, so the request is answered here, before the
    /// endpoint step that would only send a 404 with an empty body. It gets the plan of unmatched
    /// requests, read once, so its page (a custom 404 or the default) comes from one revision.
    /// </summary>
    public static IApplicationBuilder UseNotFoundWhenUnmatched(this IApplicationBuilder app)
    {
        var snapshots = app.ApplicationServices.GetRequiredService<SnapshotStore>();
        return app.Use(next => context =>
        {
            if (context.GetEndpoint() is not null)
            {
                return next(context);
            }

            context.Features.Set(snapshots.UnmatchedPlan());
            return ErrorPages.WriteAsync(context, StatusCodes.Status404NotFound);
        });
    }

    /// <summary>
    /// After the HTTPS policy and the shield, so a redirect route's access list, rate limit and
    /// HTTPS redirect still hold; before the cache and the split, which have nothing to do for it.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseRedirects(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<RedirectMiddleware>();
        return proxy;
    }

    /// <summary>Before load balancing, which then picks a backend of the pool drawn.</summary>
    public static IReverseProxyApplicationBuilder UseTrafficSplit(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<TrafficSplitMiddleware>();
        return proxy;
    }
}
