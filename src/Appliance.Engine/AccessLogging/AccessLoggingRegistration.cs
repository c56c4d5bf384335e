using Appliance.Engine.AccessLogging.Viewer;
using Appliance.Engine.DataPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.AccessLogging;

/// <summary>
/// The access log: its settings, the writer the data plane queues lines to and the control plane
/// runs, and the viewer's ring of recent requests that the data plane fills and the control plane
/// searches.
/// </summary>
internal static class AccessLoggingRegistration
{
    public static ApplianceEngineBuilder AddAccessLogging(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<AccessLogOptions>(AccessLogOptions.SectionName)
            .AddShared<AccessLogWriter>()
            .AddShared<RecentRequests>();
        engine.Services.AddHostedService(sp => sp.GetRequiredService<AccessLogWriter>());
        engine.Services.AddSingleton<AccessLogReader>();
        engine.Services.AddSingleton<Metrics.IMetricsSource, AccessLogViewerMetrics>();
        return engine;
    }
}
