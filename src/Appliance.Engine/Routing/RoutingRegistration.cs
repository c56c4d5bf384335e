using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        return engine;
    }

    /// <summary>Before anything decides by path.</summary>
    public static IApplicationBuilder UseCanonicalPath(this IApplicationBuilder app) =>
        app.UseMiddleware<CanonicalPathMiddleware>();

    /// <summary>
    /// Right after the route match: no route matched, so the request is answered here, before the
    /// endpoint step that would only send a 404 with an empty body.
    /// </summary>
    public static IApplicationBuilder UseNotFoundWhenUnmatched(this IApplicationBuilder app) =>
        app.Use(next => context => context.GetEndpoint() is null
            ? ErrorPages.WriteAsync(context, StatusCodes.Status404NotFound)
            : next(context));

    /// <summary>Before load balancing, which then picks a backend of the pool drawn.</summary>
    public static IReverseProxyApplicationBuilder UseTrafficSplit(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<TrafficSplitMiddleware>();
        return proxy;
    }
}
