using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.PoolLimits;

/// <summary>
/// Backends protected from overload: a per-pool cap of requests in flight on this node with a
/// bounded queue behind it, compiled per snapshot, enforced by one step, reported to the control plane.
/// </summary>
internal static class PoolLimitsRegistration
{
    public static ApplianceEngineBuilder AddPoolLimits(this ApplianceEngineBuilder engine)
    {
        engine.AddShared<PoolGates>();
        engine.Services.AddSingleton<PoolLoadReader>();
        engine.Services.AddSingleton<IMetricsSource, PoolLimitMetrics>();
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, PoolLimitsCompiler>();
        engine.DataPlane.AddSingleton<ISnapshotPartCompiler, PoolLimitsCompiler>();
        return engine;
    }

    /// <summary>
    /// After the traffic split, which settles the request's pool, and after the cache, so a hit never
    /// takes a slot. Before mirroring: a refused request was never forwarded, so it is not copied;
    /// the copies themselves go to the shadow pool from the mirroring handler, outside this pipeline,
    /// and take no slot (they are detached and dropped, never queued, when the shadow is slow). Before
    /// the retry, so a second try on another backend keeps the slot the first one held.
    /// </summary>
    public static IReverseProxyApplicationBuilder UsePoolLimits(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<PoolLimitMiddleware>();
        return proxy;
    }
}
