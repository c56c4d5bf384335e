using Appliance.Engine.Configuration;
using Appliance.Engine.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.DataPlane;

/// <summary>
/// The data plane: a web application of its own, with its own Kestrel and no admin endpoint at
/// all, started and stopped by the control plane's host. Its container holds what the features
/// registered for it and the singletons they share with the control plane (snapshot, metrics,
/// health events, access log), which reads them.
/// </summary>
public sealed partial class DataPlaneHost(IServiceProvider controlPlaneServices, ILogger<DataPlaneHost> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;
    private RequestDelegate? _routingDryRun;

    /// <summary>The data plane's services, for reading YARP's live state. Available once started.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The data plane has not started.");

    /// <summary>The data plane's steps up to the route match, for the route tester (<see cref="RoutingDryRun"/>).</summary>
    internal RequestDelegate RoutingDryRun => _routingDryRun ?? throw new InvalidOperationException("The data plane has not started.");

    /// <summary>The data plane's plain-HTTP address, with the real port when port 0 was asked for.</summary>
    public string HttpAddress => Addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal));

    /// <summary>The data plane's HTTPS address, with the real port when port 0 was asked for.</summary>
    public string HttpsAddress => Addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal));

    /// <summary>The addresses the data plane listens on, with the real ports when port 0 was asked for.</summary>
    public IReadOnlyList<string> Addresses =>
        _app?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var app = Build(controlPlaneServices.GetRequiredService<ProxyOptions>());
        await app.Services.GetRequiredService<SnapshotRefresher>().LoadInitialAsync(cancellationToken);
        DataPlanePipeline.Configure(app);
        _routingDryRun = Routing.Testing.RoutingDryRun.Build(app);
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

        // The control plane's own URLs are in the shared configuration; the data plane listens
        // only where DataPlaneKestrelSetup says.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
        controlPlaneServices.GetRequiredService<DataPlaneServices>().AddTo(builder.Services, controlPlaneServices);
        return builder.Build();
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Data plane listening on {Addresses}.")]
    private partial void LogListening(string addresses);
}
