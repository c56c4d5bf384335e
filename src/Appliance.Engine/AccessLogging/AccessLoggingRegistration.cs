using Appliance.Engine.DataPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.AccessLogging;

/// <summary>The access log: its settings, and the writer the data plane queues lines to and the control plane runs.</summary>
internal static class AccessLoggingRegistration
{
    public static ApplianceEngineBuilder AddAccessLogging(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<AccessLogOptions>(AccessLogOptions.SectionName)
            .AddShared<AccessLogWriter>();
        engine.Services.AddHostedService(sp => sp.GetRequiredService<AccessLogWriter>());
        return engine;
    }
}
