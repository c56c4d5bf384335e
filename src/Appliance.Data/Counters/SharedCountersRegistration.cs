using Appliance.Data.Counters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the counters several nodes share (<c>Appliance:Redis</c>).</summary>
public static class SharedCountersRegistration
{
    /// <summary>
    /// Adds <see cref="SharedCounters"/>, its status and, when <c>Appliance:Redis:Configuration</c>
    /// is set, the background connection to Redis. The settings are checked at start.
    /// </summary>
    public static IServiceCollection AddSharedCounters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RedisOptions>>().Value);
        services.AddSingleton(sp => new SharedCounterStatus(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RedisOptions>().IsConfigured));
        services.AddSingleton<RedisConnection>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisConnection>());
        services.AddSingleton<SharedCounters>();
        return services;
    }
}
