using Appliance.Engine.AccessLogging;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Health;
using Appliance.Engine.Metrics;
using Appliance.Engine.Randomness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the engine in the control plane's container; the data plane gets the shared parts from there.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the data plane (started as a hosted service) and the singletons that the control plane
    /// reads: snapshot, traffic metrics, health events and the health reader.
    /// Invalid <c>Appliance:Proxy</c> settings stop the start with a list of what is wrong.
    /// </summary>
    public static IServiceCollection AddApplianceEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var proxyOptions = configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new ProxyOptions();
        var problems = proxyOptions.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid data-plane settings: " + string.Join(" ", problems));
        }

        var accessLogOptions = configuration.GetSection(AccessLogOptions.SectionName).Get<AccessLogOptions>() ?? new AccessLogOptions();
        var cacheOptions = configuration.GetSection(Appliance.Engine.Caching.CacheOptions.SectionName).Get<Appliance.Engine.Caching.CacheOptions>() ?? new();
        if (cacheOptions.Validate() is { Count: > 0 } cacheProblems)
        {
            throw new InvalidOperationException("Invalid cache settings: " + string.Join(" ", cacheProblems));
        }

        var acmeOptions = configuration.GetSection(Appliance.Engine.Tls.Acme.AcmeOptions.SectionName).Get<Appliance.Engine.Tls.Acme.AcmeOptions>() ?? new();
        var acmeProblems = acmeOptions.Validate();
        if (acmeProblems.Count > 0)
        {
            throw new InvalidOperationException("Invalid ACME settings: " + string.Join(" ", acmeProblems));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRandomSource, SharedRandomSource>();
        services.AddSingleton(proxyOptions);
        services.AddSingleton(accessLogOptions);
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<TrafficMetrics>();
        services.AddSingleton<ConnectionCounter>();
        services.AddSingleton<Appliance.Engine.Security.Shield.RateLimiter>();
        services.AddSingleton<Appliance.Engine.Security.Shield.ShieldLog>();
        services.AddSingleton<Appliance.Engine.Security.Shield.BasicAuthVerifier>();
        services.AddSingleton(cacheOptions);
        services.AddSingleton<Appliance.Engine.Caching.ResponseCache>();
        services.AddSingleton<TrafficHistory>();
        services.AddHostedService<TrafficHistorySampler>();
        services.AddSingleton<HealthEventLog>();
        services.AddSingleton<Appliance.Engine.Tls.Sni.CertificateSetStore>();
        services.AddSingleton<Appliance.Engine.Tls.Sni.FallbackCertificate>();
        services.AddSingleton<Appliance.Engine.Tls.HttpsEndpoint>();
        services.AddSingleton<Appliance.Engine.Tls.Acme.Http01ChallengeStore>();
        services.AddSingleton<Appliance.Engine.Tls.Acme.TlsAlpnChallengeStore>();
        services.AddSingleton<HealthReader>();
        services.AddSingleton<PrometheusMetricsWriter>();
        services.AddSingleton<AccessLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessLogWriter>());
        services.AddSingleton<DataPlaneHost>();
        services.AddHostedService(sp => sp.GetRequiredService<DataPlaneHost>());

        // After the data plane: HTTP-01 answers need it listening.
        services.AddSingleton(acmeOptions);
        services.AddSingleton<Appliance.Engine.Tls.Acme.AcmeIssuer>();
        services.AddHostedService<Appliance.Engine.Tls.Acme.AcmeWorker>();
        return services;
    }
}
