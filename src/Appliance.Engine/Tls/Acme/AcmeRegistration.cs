using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// The ACME client: its settings, the issuer and the worker in the control plane, and the
/// challenge answers the data plane serves (HTTP-01 as a step ahead of routing, TLS-ALPN-01 in
/// the handshake), its own from memory and other nodes' from the database.
/// </summary>
internal static class AcmeRegistration
{
    public static ApplianceEngineBuilder AddAcme(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<AcmeOptions>(AcmeOptions.SectionName)
            .AddShared<Http01ChallengeStore>()
            .AddShared<TlsAlpnChallengeStore>()
            .AddShared<AcmeCounters>()
            .AddShared<AcmeChallengeActivity>()
            .AddShared<ClusterChallengeLookup>();
        engine.Services.AddHostedService(sp => sp.GetRequiredService<AcmeChallengeActivity>());
        engine.Services.AddSingleton<AcmeChallengePublisher>();
        engine.Services.AddSingleton<AcmeAccountConnector>();
        engine.Services.AddSingleton<AcmeIssuer>();
        engine.Services.AddSingleton<Metrics.IMetricsSource, AcmeMetrics>();
        engine.Services.AddHostedService<AcmeWorker>();
        return engine;
    }

    /// <summary>Ahead of every route, and for hosts that have none yet: the ACME server must reach it.</summary>
    public static IApplicationBuilder UseAcmeHttpChallenge(this IApplicationBuilder app) =>
        app.UseMiddleware<Http01ChallengeMiddleware>();
}
