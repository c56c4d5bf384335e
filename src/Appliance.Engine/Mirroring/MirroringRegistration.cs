using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// Traffic mirroring: a share of a route's forwarded requests copied to a shadow pool, detached from
/// the client's request. Its counters are shared with the control plane, which reports them.
/// </summary>
internal static class MirroringRegistration
{
    public static ApplianceEngineBuilder AddMirroring(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<MirrorOptions>(MirrorOptions.SectionName)
            .AddShared<MirrorMetrics>();
        engine.Services.AddSingleton<MirrorReader>();
        engine.Services.AddSingleton<IMetricsSource, MirrorMetricsSource>();

        engine.DataPlane.AddSingleton<IRoutePlanCompiler, RouteMirrorCompiler>();
        engine.DataPlane.AddSingleton<ITransformProvider, MirrorTransformProvider>();
        engine.DataPlane.AddSingleton<ShadowDestinations>();
        engine.DataPlane.AddSingleton<MirrorDispatcher>();

        // Replaces YARP's factory (registered with TryAdd): every cluster's client records the
        // request a copy repeats, exactly as the primary got it.
        engine.DataPlane.AddSingleton<IForwarderHttpClientFactory, MirroringForwarderHttpClientFactory>();
        return engine;
    }

    /// <summary>
    /// After the traffic split, so the copy follows the primary's own pool draw; before the retry, so
    /// a request sent twice to the primary is copied once; after the cache, so hits copy nothing.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseMirroring(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<MirrorMiddleware>();
        return proxy;
    }
}
