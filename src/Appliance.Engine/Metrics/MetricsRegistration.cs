using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Metrics;

/// <summary>
/// Traffic metrics: the rolling windows and connection counts both servers share, the dashboard's
/// history and the Prometheus text in the control plane, and the outermost step of the data plane
/// that records every request.
/// </summary>
internal static class MetricsRegistration
{
    public static ApplianceEngineBuilder AddMetrics(this ApplianceEngineBuilder engine)
    {
        engine.AddShared<TrafficMetrics>()
            .AddShared<ConnectionCounter>();
        engine.Services.AddSingleton<TrafficHistory>();
        engine.Services.AddHostedService<TrafficHistorySampler>();
        engine.Services.AddSingleton<PrometheusMetricsWriter>();
        engine.Services.AddSingleton<IMetricsSource, SharedCounterMetrics>();
        return engine;
    }

    /// <summary>Gives the request its id and, once answered, records it in the metrics and the access log.</summary>
    public static IApplicationBuilder UseRequestRecording(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestRecordingMiddleware>();
}
