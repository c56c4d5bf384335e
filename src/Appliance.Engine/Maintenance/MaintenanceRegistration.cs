using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Maintenance;

/// <summary>Maintenance per route: compiled into the route plan, answered by one step, counted for <c>/metrics</c>.</summary>
internal static class MaintenanceRegistration
{
    public static ApplianceEngineBuilder AddMaintenance(this ApplianceEngineBuilder engine)
    {
        engine.AddShared<MaintenanceCounter>();
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, RouteMaintenanceCompiler>();
        engine.Services.AddSingleton<Metrics.IMetricsSource, MaintenanceMetrics>();
        return engine;
    }

    /// <summary>
    /// After the shield and before the redirects, the compression and the cache. After the shield: an
    /// address the access lists deny still gets their 403 (or a closed connection), basic auth is
    /// still asked for, and rate limits still count, so maintenance never opens a door the shield
    /// keeps shut nor hides who is refused. Before the cache: a stored response must not reach a
    /// client that is not allowed, and the maintenance answer is never stored nor carries a
    /// Cache-Status. Before the redirects: a redirect route is in maintenance like any other.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseMaintenance(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<MaintenanceMiddleware>();
        return proxy;
    }
}
