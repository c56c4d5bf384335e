using Appliance.Engine.DataPlane;
using Appliance.Engine.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// The shield: access lists, basic authentication and rate limits per route. Its buckets,
/// blocked-request log and credential cache are shared with the control plane, which reports them.
/// </summary>
internal static class ShieldRegistration
{
    public static ApplianceEngineBuilder AddShield(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<RefusalPacingOptions>(RefusalPacingOptions.SectionName)
            .AddShared<RateLimiter>()
            .AddShared<RefusalPacer>()
            .AddShared<ShieldLog>()
            .AddShared<BasicAuthVerifier>();
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, RouteShieldCompiler>();
        engine.Services.AddSingleton<Metrics.IMetricsSource, ShieldMetrics>();
        return engine;
    }

    /// <summary>Right after the HTTPS redirect, before anything that costs the backends.</summary>
    public static IReverseProxyApplicationBuilder UseShield(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<ShieldMiddleware>();
        return proxy;
    }
}
