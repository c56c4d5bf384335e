using Appliance.Data.Bans;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// Bans: the rules compiled into every plan, the table and counters both servers share (the control
/// plane lists, makes and lifts bans and reports them), the connection filter at accept, the step
/// that refuses and counts requests, and with Redis the sync that shares bans across nodes.
/// </summary>
internal static class BansRegistration
{
    public static ApplianceEngineBuilder AddBans(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<BanOptions>(BanOptions.SectionName)
            .AddShared<BanTable>()
            .AddShared<BanCounter>()
            .AddShared<BanExemptions>()
            .AddShared<BanStatistics>()
            .AddShared<BanChangeQueue>()
            .AddShared<BanService>()
            .AddShared<ConnectionTarpit>();
        engine.Services.AddSingleton<SharedBanStore>();
        engine.Services.AddHostedService<BanSync>();
        engine.Services.AddSingleton<IMetricsSource, BanMetrics>();
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, BanRulesCompiler>();
        engine.DataPlane.AddSingleton<ISnapshotPartCompiler, GlobalDropListsCompiler>();
        engine.DataPlane.AddSingleton<BanConnectionFilter>();
        return engine;
    }

    /// <summary>
    /// Right inside the request recording: a banned client is refused before anything else looks at
    /// its request, and every answer, whoever gave it, is counted once it is settled.
    /// </summary>
    public static IApplicationBuilder UseBans(this IApplicationBuilder app) =>
        app.UseMiddleware<BanMiddleware>();
}
