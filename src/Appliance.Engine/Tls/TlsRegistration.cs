using Appliance.Data.Certificates;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Tls.Sni;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Tls;

/// <summary>
/// TLS: the live certificate set chosen from by SNI and its fallback, the HTTPS port redirects
/// point to, the handshake policy the data plane's Kestrel uses, and the per-route HTTPS redirect
/// and HSTS step.
/// </summary>
internal static class TlsRegistration
{
    public static ApplianceEngineBuilder AddTls(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<TlsOptions>(TlsOptions.SectionName)
            .AddShared<CertificateSetStore>()
            .AddShared<FallbackCertificate>()
            .AddShared<HttpsEndpoint>()
            .Share<CertificateStore>();
        engine.DataPlane.AddSingleton<CertificateSetBuilder>();
        engine.DataPlane.AddSingleton<TlsHandshakePolicy>();
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, RouteHttpsPolicyCompiler>();
        return engine;
    }

    /// <summary>First after the route's plan is resolved: plain HTTP is sent to HTTPS before anything asks for credentials or counts a request.</summary>
    public static IReverseProxyApplicationBuilder UseHttpsPolicy(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<HttpsPolicyMiddleware>();
        return proxy;
    }
}
