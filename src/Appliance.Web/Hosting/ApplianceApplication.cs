using System.Text.Json.Serialization;
using Appliance.Data.Hosting;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Metrics;
using Appliance.Web.Api;
using Appliance.Web.Auth;
using Appliance.Web.Auth.TwoFactor;
using Microsoft.AspNetCore.Authentication;
using MudBlazor.Services;

namespace Appliance.Web.Hosting;

/// <summary>
/// Builds the appliance: the control plane (API, later the admin site) on <c>Appliance:Admin:Urls</c>,
/// which starts the data plane as a hosted service. Program.cs and the tests build it the same way.
/// </summary>
public static class ApplianceApplication
{
    /// <summary>Creates the application; <paramref name="configure"/> lets tests add configuration before services are registered.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json ships next to the binaries; reading it from there makes `dotnet run`,
        // `dotnet Appliance.Web.dll` from any folder and the container behave the same.
        // The application name is this assembly's even when a test host starts it: static assets
        // are found through <ApplicationName>.staticwebassets.endpoints.json.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(ApplianceApplication).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);

        var configuration = builder.Configuration;
        builder.WebHost.UseUrls(configuration[AdminOptions.UrlsKey] is { Length: > 0 } urls ? urls : AdminOptions.DefaultUrls);
        var trustedProxies = AdminForwardedHeaders.Read(configuration);
        var maxBodyBytes = configuration.GetValue(AdminOptions.MaxRequestBodyBytesKey, AdminOptions.DefaultMaxRequestBodyBytes);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxBodyBytes;
        });

        // Outside Development too: run from a build (dotnet run, the tests), the admin site's
        // package assets (MudBlazor's CSS and JS) are found through this manifest; a published
        // app has them under wwwroot and no manifest, and this does nothing.
        builder.WebHost.UseStaticWebAssets();

        var proxySection = configuration.GetSection(ProxyOptions.SectionName);
        var shutdownSeconds = proxySection.GetValue(nameof(ProxyOptions.ShutdownTimeoutSeconds), new ProxyOptions().ShutdownTimeoutSeconds);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(shutdownSeconds));

        builder.Services.AddApplianceData(configuration);

        builder.Services.AddApplianceEngine(configuration);

        builder.Services.AddSingleton(new BootstrapToken(configuration[BootstrapToken.ConfigurationKey]));
        // Pages sign in with a cookie; the API and /metrics only ever accept bearer tokens, so a
        // browser's cookie can never be ridden into an API call.
        builder.Services.AddAuthentication(AdminCookie.Scheme)
            .AddCookie(AdminCookie.Scheme, cookie =>
            {
                cookie.Cookie.Name = AdminCookie.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/login";
                cookie.LogoutPath = "/logout";
                cookie.ExpireTimeSpan = AdminCookie.Lifetime;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = AdminCookie.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenDefaults.Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiTokenDefaults.ReadPolicy, policy => policy.AddAuthenticationSchemes(ApiTokenDefaults.Scheme).RequireAuthenticatedUser())
            .AddPolicy(ApiTokenDefaults.WritePolicy, policy => policy.AddAuthenticationSchemes(ApiTokenDefaults.Scheme).RequireRole(Appliance.Data.Model.ApplianceRoles.Admin))
            .AddPolicy(ApiTokenDefaults.MetricsPolicy, policy => policy.AddAuthenticationSchemes(ApiTokenDefaults.Scheme).RequireAssertion(MetricsAccess.IsAllowed));
        builder.Services.AddSingleton<AdminSessions>();
        builder.Services.AddTwoFactorSignIn();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, AdminCircuitRevalidator>();

        // An error page's HTML (up to 64 KiB, JSON-escaped on the way) arrives in one circuit message;
        // SignalR's default of 32 KiB would drop the circuit instead.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 512 * 1024);
        builder.Services.AddMudServices();
        builder.Services.AddSignInRateLimit();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Outage.DatabaseOutageExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Appliance API";
            document.Info.Description = "Pools, routes, health, configuration import and export, and the audit trail of the Appliance reverse proxy.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        ValidateSettings(app.Services);

        // First: everything after it (the hub's Origin check, the limiter, sign-in, the cookie's
        // Secure flag) sees the client's address, scheme and host, not the proxy's.
        app.UseAdminForwardedHeaders(trustedProxies);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BlazorHubOriginMiddleware>();
        app.UseMiddleware<SetupGateMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        app.MapLogout();
        // The signed-in user's own preferences: answered to the site's cookie, outside the token-only group.
        app.MapAccountEndpoints();

        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiTokenDefaults.ReadPolicy);
        api.MapPoolEndpoints()
            .MapRouteEndpoints()
            .MapHealthEndpoints()
            .MapConfigEndpoints()
            .MapHistoryEndpoints()
            .MapBackupEndpoints()
            .MapAuditEndpoints()
            .MapTokenEndpoints()
            .MapCertificateEndpoints()
            .MapCacheEndpoints()
            .MapErrorPageEndpoints()
            .MapShieldEndpoints()
            .MapBanEndpoints()
            .MapChallengeEndpoints()
            .MapUnderAttackEndpoints()
            .MapStreamEndpoints()
            .MapNodeEndpoints()
            .MapUserEndpoints()
            .MapSignInPolicyEndpoints()
            .MapAccessLogEndpoints()
            .MapUptimeEndpoints()
            .MapWarningEndpoints()
            .MapAlertEndpoints();
        app.MapOpenApi("/api/v1/openapi.json").RequireAuthorization(ApiTokenDefaults.ReadPolicy);
        app.MapGet("/metrics", (PrometheusMetricsWriter writer) => Results.Text(writer.Write(), PrometheusMetricsWriter.ContentType))
            .RequireAuthorization(ApiTokenDefaults.MetricsPolicy)
            .ExcludeFromDescription();
        return app;
    }

    // The host would check the settings when it starts (ValidateOnStart); checking them here makes a
    // bad setting stop Create, as a bad bootstrap token does, before anything has run, with every
    // problem named by its key.
    private static void ValidateSettings(IServiceProvider services)
    {
        try
        {
            services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            throw new InvalidOperationException("Invalid settings: " + ex.Message, ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is Microsoft.Extensions.Options.OptionsValidationException))
        {
            throw new InvalidOperationException("Invalid settings: " + string.Join("; ", ex.InnerExceptions.Select(e => e.Message)), ex);
        }
    }
}
