using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Warnings;

/// <summary>
/// Setup warnings: the routes' part of each snapshot that they judge, and the reader the control
/// plane asks. Nothing runs on the request path.
/// </summary>
internal static class WarningsRegistration
{
    public static ApplianceEngineBuilder AddWarnings(this ApplianceEngineBuilder engine)
    {
        engine.Services.AddSingleton<SetupWarningReader>();
        engine.DataPlane.AddSingleton<ISnapshotPartCompiler, SetupPlanCompiler>();
        return engine;
    }
}
