using Appliance.Engine.DataPlane;
using Appliance.Engine.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Security.TurnedAway;

/// <summary>
/// What the edge turned away: one recorder both servers share (the data plane's refusals write it,
/// the control plane's card, API and <c>/metrics</c> read it), and the reader that joins it with
/// countries and bans. Refusals are recorded by the features that refuse, beside their own counters.
/// </summary>
internal static class TurnedAwayRegistration
{
    public static ApplianceEngineBuilder AddTurnedAway(this ApplianceEngineBuilder engine)
    {
        engine.AddShared<TurnedAwayRecorder>();
        engine.Services.AddSingleton<ITurnedAwayRecorder>(sp => sp.GetRequiredService<TurnedAwayRecorder>());
        engine.Share<ITurnedAwayRecorder>();

        // Only the control plane reads the report.
        engine.Services.AddSingleton<UnderAttackReader>();
        engine.Services.AddSingleton<IMetricsSource, TurnedAwayMetrics>();
        return engine;
    }
}
