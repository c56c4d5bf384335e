using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Appliance.Engine.HeaderRules;

/// <summary>
/// Header rules per route: compiled into the route plan, applied to the backend's request by a YARP
/// transform and to the client's response by a step at the head of the proxy pipeline.
/// </summary>
internal static class HeaderRulesRegistration
{
    /// <summary>After the security and routing transforms, whose headers the rules come after.</summary>
    public static ApplianceEngineBuilder AddHeaderRules(this ApplianceEngineBuilder engine)
    {
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, RouteHeaderRulesCompiler>();
        engine.DataPlane.AddSingleton<ITransformProvider, RequestHeaderRulesTransformProvider>();
        return engine;
    }

    /// <summary>
    /// Right after the route plan, before anything that may answer: every response of the route gets
    /// the rules (HTTPS redirects, the shield's refusals, maintenance, cache hits, error pages).
    /// </summary>
    public static IReverseProxyApplicationBuilder UseResponseHeaderRules(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<ResponseHeaderRulesMiddleware>();
        return proxy;
    }
}
