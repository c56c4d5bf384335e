using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Health;

namespace Appliance.Engine.Health;

/// <summary>Health checking's registration in the data plane's container.</summary>
internal static class HealthServiceCollectionExtensions
{
    /// <summary>YARP's health logging, quieted below errors: our policies log the same events in one line each.</summary>
    public const string YarpHealthLogCategory = "Yarp.ReverseProxy.Health";

    /// <summary>Adds the appliance's health policies and the watcher that keeps the health event log current, and quiets YARP's own health logging.</summary>
    public static IServiceCollection AddApplianceHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<IActiveHealthCheckPolicy, ConsecutiveResultsHealthPolicy>();
        services.AddSingleton<IPassiveHealthCheckPolicy, LiveTrafficHealthPolicy>();
        services.AddHostedService<HealthWatcher>();

        // YARP logs every failed probe as a warning with the exception, whose stack fills a screen
        // per probe and backend, and every change of a destination's health a second time. Errors
        // (a policy that throws) still come through.
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter(YarpHealthLogCategory, LogLevel.Error));
        return services;
    }
}
