using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Health;

namespace Appliance.Engine.Health;

/// <summary>Health checking's registration in the data plane's container.</summary>
internal static class HealthServiceCollectionExtensions
{
    /// <summary>Adds the appliance's health policies.</summary>
    public static IServiceCollection AddApplianceHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<IActiveHealthCheckPolicy, ConsecutiveResultsHealthPolicy>();
        return services;
    }
}
