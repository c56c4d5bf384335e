using Appliance.Engine.DataPlane;
using Appliance.Engine.Health;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Uptime;

/// <summary>
/// Uptime history: the recorder that queues every health change, the background writer that keeps
/// it in the database, and the reader of per-backend figures. Control plane only: the data plane's
/// part is the health event log it already calls.
/// </summary>
internal static class UptimeRegistration
{
    public static ApplianceEngineBuilder AddUptime(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<UptimeOptions>(UptimeOptions.SectionName);
        var services = engine.Services;
        services.AddSingleton<UptimeCounters>();
        services.AddSingleton<UptimeRun>();
        services.AddSingleton<UptimeRecorder>();
        services.AddSingleton<IHealthTransitionListener>(sp => sp.GetRequiredService<UptimeRecorder>());
        services.AddSingleton<UptimeReader>();
        services.AddSingleton<Metrics.IMetricsSource, UptimeMetrics>();

        // After the data plane: it stops first, and its last write still finds the data plane's backends.
        services.AddHostedService<UptimeWriter>();
        return engine;
    }
}
