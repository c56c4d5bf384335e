using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Caching;

/// <summary>
/// The response cache: its settings and store, shared with the control plane (which purges and
/// reports; purges reach every node through <see cref="CachePurger"/>), and the data plane's
/// coalescing of misses and background revalidation.
/// </summary>
internal static class CachingRegistration
{
    public static ApplianceEngineBuilder AddCaching(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<CacheOptions>(CacheOptions.SectionName)
            .AddShared<Disk.DiskCacheStore>()
            .AddShared<ResponseCache>();
        engine.Services.AddSingleton<Metrics.IMetricsSource, Visibility.CacheMetrics>();
        engine.Services.AddHostedService<Disk.DiskCacheFlush>();

        // Purges come from the control plane (API, Cache page) and from other nodes.
        engine.Services.AddSingleton<CachePurger>();
        engine.Services.AddSingleton<Appliance.Data.Cluster.IClusterMessageHandler, CachePurgeMessageHandler>();
        engine.DataPlane.AddSingleton<CacheCoalescer>();
        engine.DataPlane.AddSingleton<StaleRevalidator>();
        engine.DataPlane.AddSingleton<Ranges.RangeMissMemo>();
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, RouteResponsePolicyCompiler>();
        engine.DataPlane.AddSingleton<Yarp.ReverseProxy.Transforms.Builder.ITransformProvider, CacheResponseTransformProvider>();
        return engine;
    }

    /// <summary>After compression and before the traffic split: a hit never reaches a pool.</summary>
    public static IReverseProxyApplicationBuilder UseResponseCache(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<ResponseCacheMiddleware>();
        return proxy;
    }
}
