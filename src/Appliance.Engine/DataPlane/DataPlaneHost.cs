using System.Net;
using Appliance.Data.Store;
using Appliance.Engine.AccessLogging;
using Appliance.Engine.Configuration;
using Appliance.Engine.Forwarding;
using Appliance.Engine.Health;
using Appliance.Engine.LoadBalancing;
using Appliance.Engine.Metrics;
using Appliance.Engine.Randomness;
using Appliance.Engine.Routing;
using Appliance.Engine.Security;
using Appliance.Engine.Tls;
using Appliance.Engine.Tls.Acme;
using Appliance.Engine.Tls.Sni;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Appliance.Engine.DataPlane;

/// <summary>
/// The data plane: a web application of its own, with its own Kestrel and no admin endpoint at
/// all, started and stopped by the control plane's host. It shares the engine's singletons
/// (snapshot, metrics, health events, access log) with the control plane that reads them.
/// </summary>
public sealed partial class DataPlaneHost(IServiceProvider controlPlaneServices, ILogger<DataPlaneHost> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The data plane's services, for reading YARP's live state. Available once started.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The data plane has not started.");

    /// <summary>The data plane's plain-HTTP address, with the real port when port 0 was asked for.</summary>
    public string HttpAddress => Addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal));

    /// <summary>The data plane's HTTPS address, with the real port when port 0 was asked for.</summary>
    public string HttpsAddress => Addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal));

    /// <summary>The addresses the data plane listens on, with the real ports when port 0 was asked for.</summary>
    public IReadOnlyList<string> Addresses =>
        _app?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = controlPlaneServices.GetRequiredService<ProxyOptions>();
        var app = Build(options);
        await app.Services.GetRequiredService<SnapshotRefresher>().LoadInitialAsync(cancellationToken);
        ConfigurePipeline(app);
        await app.StartAsync(cancellationToken);
        _app = app;
        controlPlaneServices.GetRequiredService<HttpsEndpoint>().ListeningPort = new Uri(HttpsAddress.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("*", "localhost", StringComparison.Ordinal)).Port;
        LogListening(string.Join(", ", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            // Kestrel stops accepting, closes idle connections and lets in-flight requests finish
            // until the host's shutdown timeout cancels the token.
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private WebApplication Build(ProxyOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "Appliance.DataPlane",
            EnvironmentName = controlPlaneServices.GetRequiredService<IHostEnvironment>().EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The same settings as the control plane, copied rather than chained: a chained source
        // writes through, and the host's own settings (urls, applicationName) would overwrite the
        // control plane's.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(controlPlaneServices.GetRequiredService<IConfiguration>().AsEnumerable());
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(controlPlaneServices.GetRequiredService<ILoggerFactory>()));

        // ASP.NET Core starts an Activity for every request as soon as its hosting logger is
        // enabled at any level, and HttpClient then sends a traceparent to the backend: measurable
        // work on every request for nothing, unless a tracer listens (which re-enables it).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));

        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        // The control plane's own URLs are in the shared configuration; the data plane listens only where ConfigureKestrel says.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
        builder.WebHost.ConfigureKestrel(kestrel => ConfigureKestrel(
            kestrel,
            options,
            controlPlaneServices.GetRequiredService<ConnectionCounter>(),
            new TlsHandshakePolicy(controlPlaneServices.GetRequiredService<CertificateSetStore>(), controlPlaneServices.GetRequiredService<TlsAlpnChallengeStore>()),
            controlPlaneServices.GetRequiredService<TlsAlpnChallengeStore>(),
            controlPlaneServices.GetRequiredService<FallbackCertificate>()));

        ShareFromControlPlane<ProxyOptions>(builder.Services);
        ShareFromControlPlane<ConfigStore>(builder.Services);
        ShareFromControlPlane<ConfigChangeSignal>(builder.Services);
        ShareFromControlPlane<SnapshotStore>(builder.Services);
        ShareFromControlPlane<TrafficMetrics>(builder.Services);
        ShareFromControlPlane<HealthEventLog>(builder.Services);
        ShareFromControlPlane<AccessLogWriter>(builder.Services);
        ShareFromControlPlane<IRandomSource>(builder.Services);
        ShareFromControlPlane<TimeProvider>(builder.Services);
        ShareFromControlPlane<Appliance.Data.Certificates.CertificateStore>(builder.Services);
        ShareFromControlPlane<CertificateSetStore>(builder.Services);
        ShareFromControlPlane<FallbackCertificate>(builder.Services);
        ShareFromControlPlane<HttpsEndpoint>(builder.Services);
        ShareFromControlPlane<Appliance.Engine.Security.Shield.RateLimiter>(builder.Services);
        ShareFromControlPlane<Appliance.Engine.Security.Shield.ShieldLog>(builder.Services);
        ShareFromControlPlane<Appliance.Engine.Security.Shield.BasicAuthVerifier>(builder.Services);
        ShareFromControlPlane<Appliance.Engine.Caching.ResponseCache>(builder.Services);
        ShareFromControlPlane<Appliance.Engine.Caching.CacheOptions>(builder.Services);
        builder.Services.AddSingleton<Appliance.Engine.Caching.CacheCoalescer>();
        builder.Services.AddSingleton<Appliance.Engine.Caching.StaleRevalidator>();
        ShareFromControlPlane<Http01ChallengeStore>(builder.Services);
        builder.Services.AddSingleton<CertificateSetBuilder>();

        builder.Services.AddSingleton(new SnapshotBuilder(new SnapshotBuilderOptions
        {
            BackendTimeout = TimeSpan.FromSeconds(options.BackendTimeoutSeconds),
            PassiveReactivationPeriod = TimeSpan.FromSeconds(options.PassiveReactivationSeconds),
        }));
        builder.Services.AddSingleton<SnapshotRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SnapshotRefresher>());

        builder.Services.AddRouting();
        builder.Services.AddReverseProxy().AddTransforms<HardeningTransformProvider>().AddTransforms<CanonicalPathTransformProvider>();
        builder.Services.AddSingleton<IProxyConfigProvider, SnapshotProxyConfigProvider>();
        builder.Services.AddSingleton<IConfigChangeListener, AppliedRevisionListener>();
        builder.Services.AddSingleton<ILoadBalancingPolicy, WeightedRoundRobinPolicy>();
        builder.Services.AddSingleton<ILoadBalancingPolicy, FirstAvailablePolicy>();
        builder.Services.AddApplianceHealthChecks();
        return builder.Build();
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseMiddleware<ClientAddressMiddleware>();
        app.UseMiddleware<RequestRecordingMiddleware>();

        // Every later decision, and the backend, see the one canonical path.
        app.UseMiddleware<CanonicalPathMiddleware>();

        // Ahead of every route, and for hosts that have none yet: the ACME server must reach it.
        app.UseMiddleware<Http01ChallengeMiddleware>();
        app.UseMiddleware<ErrorPageMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRouting();

        // No route matched: answer here, before the endpoint step that would only 404 with an empty body.
        app.Use(next => context => context.GetEndpoint() is null
            ? ErrorPages.WriteAsync(context, StatusCodes.Status404NotFound)
            : next(context));
        app.MapReverseProxy(proxy =>
        {
            // Plain HTTP is sent to HTTPS before anything asks for credentials or counts a request.
            proxy.UseMiddleware<HttpsPolicyMiddleware>();
            proxy.UseMiddleware<Appliance.Engine.Security.Shield.ShieldMiddleware>();
            proxy.UseMiddleware<Appliance.Engine.Compression.CompressionMiddleware>();
            proxy.UseMiddleware<Appliance.Engine.Caching.ResponseCacheMiddleware>();
            proxy.UseMiddleware<TrafficSplitMiddleware>();
            proxy.UseMiddleware<RetryMiddleware>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
    }

    private static void ConfigureKestrel(
        Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel,
        ProxyOptions options,
        ConnectionCounter connections,
        TlsHandshakePolicy tls,
        TlsAlpnChallengeStore tlsAlpnChallenges,
        FallbackCertificate fallback)
    {
        kestrel.AddServerHeader = false;
        var limits = kestrel.Limits;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(options.Limits.RequestHeadersTimeoutSeconds);
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(options.Limits.KeepAliveTimeoutSeconds);
        limits.MinRequestBodyDataRate = options.Limits.MinRequestBodyBytesPerSecond > 0
            ? new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(options.Limits.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(5))
            : null;
        limits.MaxRequestBodySize = options.Limits.MaxRequestBodySize;
        limits.MaxRequestHeadersTotalSize = options.Limits.MaxRequestHeadersTotalSize;
        limits.MaxRequestHeaderCount = options.Limits.MaxRequestHeaderCount;
        limits.MaxConcurrentConnections = options.Limits.MaxConcurrentConnections;
        limits.MaxConcurrentUpgradedConnections = options.Limits.MaxConcurrentConnections;

        // Every connection is counted from accept to close, and one address may hold only so many
        // (trusted proxies are exempt: every client arrives through them).
        var perAddressCap = options.Limits.MaxConnectionsPerAddress;
        var trusted = options.TrustedNetworks();
        void Count(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen) => listen.Use(next => async connection =>
        {
            var address = Appliance.Data.Networking.ClientAddresses.NormalizeOrNull((connection.RemoteEndPoint as IPEndPoint)?.Address);
            var capped = perAddressCap > 0 && address is not null && !Appliance.Data.Networking.NetworkRanges.Contains(trusted, address);
            if (capped && !connections.TryOpenFrom(address!, perAddressCap))
            {
                connection.Abort();
                return;
            }

            connections.Opened();
            try
            {
                await next(connection);
            }
            finally
            {
                connections.Closed();
                if (capped)
                {
                    connections.ClosedFrom(address!);
                }
            }
        });

        // HTTPS: the certificate is chosen per connection by SNI; HTTP/2 or HTTP/1.1 by ALPN.
        void Https(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen)
        {
            Count(listen);
            listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1AndHttp2;
            var handshakeTimeout = TimeSpan.FromSeconds(options.Limits.RequestHeadersTimeoutSeconds);
            listen.Use(next => connection => ClientHelloInspector.InspectAsync(connection, next, tlsAlpnChallenges, handshakeTimeout));
            listen.UseHttps(new Microsoft.AspNetCore.Server.Kestrel.Https.TlsHandshakeCallbackOptions
            {
                OnConnection = context => tls.OptionsFor(context, fallback),
                HandshakeTimeout = TimeSpan.FromSeconds(options.Limits.RequestHeadersTimeoutSeconds),
            });
        }

        if (options.BindAddress == "*")
        {
            kestrel.ListenAnyIP(options.HttpPort, Count);
            kestrel.ListenAnyIP(options.HttpsPort, Https);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(options.BindAddress), options.HttpPort, Count);
            kestrel.Listen(IPAddress.Parse(options.BindAddress), options.HttpsPort, Https);
        }
    }

    private void ShareFromControlPlane<T>(IServiceCollection services)
        where T : class =>
        services.AddSingleton(controlPlaneServices.GetRequiredService<T>());

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Data plane listening on {Addresses}.")]
    private partial void LogListening(string addresses);
}
