using Appliance.Engine.DataPlane;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Health;

namespace Appliance.Engine.Health;

/// <summary>
/// Health checking: the appliance's active and passive policies and the watcher in the data plane,
/// the health event log both servers share, and the reader the control plane reports from. Its
/// pipeline step is YARP's own <c>UsePassiveHealthChecks()</c>.
/// </summary>
internal static class HealthRegistration
{
    /// <summary>YARP's health logging, quieted below errors: our policies log the same events in one line each.</summary>
    public const string YarpHealthLogCategory = "Yarp.ReverseProxy.Health";

    public static ApplianceEngineBuilder AddHealth(this ApplianceEngineBuilder engine)
    {
        engine.AddShared<HealthEventLog>();
        engine.Services.AddSingleton<HealthReader>();

        var dataPlane = engine.DataPlane;
        dataPlane.AddSingleton<IActiveHealthCheckPolicy, ConsecutiveResultsHealthPolicy>();
        dataPlane.AddSingleton<IPassiveHealthCheckPolicy, LiveTrafficHealthPolicy>();
        dataPlane.AddHostedService<HealthWatcher>();
        dataPlane.AddSingleton<IAvailableDestinationsPolicy, InRotationDestinationsPolicy>();
        dataPlane.AddHostedService<TcpHealthProber>();

        // YARP logs every failed probe as a warning with the exception, whose stack fills a screen
        // per probe and backend, and every change of a destination's health a second time. Errors
        // (a policy that throws) still come through.
        dataPlane.Configure<LoggerFilterOptions>(filters => filters.AddFilter(YarpHealthLogCategory, LogLevel.Error));
        return engine;
    }
}
