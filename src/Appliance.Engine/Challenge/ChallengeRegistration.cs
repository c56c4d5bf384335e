using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Challenge;

/// <summary>The proof-of-work challenge: compiled per route, answered at its reserved path, asked by one step, counted for <c>/metrics</c>.</summary>
internal static class ChallengeRegistration
{
    public static ApplianceEngineBuilder AddChallenge(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<ChallengeOptions>(ChallengeOptions.SectionName)
            .AddShared<ChallengeCounter>()
            .AddShared<ChallengePacer>()
            .AddShared<UsedChallenges>()
            .AddShared<ChallengeTokens>()
            .TryAddShared<Crawlers.ICrawlerResolver, Crawlers.DnsCrawlerResolver>()
            .AddShared<Crawlers.CrawlerVerifier>();
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, RouteChallengeCompiler>();
        engine.DataPlane.AddSingleton<ISnapshotPartCompiler, UnderAttackStateCompiler>();
        engine.Services.AddSingleton<Metrics.IMetricsSource, ChallengeMetrics>();
        return engine;
    }

    /// <summary>
    /// After the canonical path (odd spellings of the reserved path land here) and the client
    /// address (the proof is bound to the settled one), ahead of routing: the answer belongs to no
    /// route and must never reach a backend.
    /// </summary>
    public static IApplicationBuilder UseChallengeAnswers(this IApplicationBuilder app) =>
        app.UseMiddleware<ChallengeAnswerMiddleware>();

    /// <summary>
    /// After the shield and maintenance, before the redirects, the cache and the backends: access
    /// lists and rate limits still turn clients away first (a denied address learns nothing of the
    /// challenge, and a flood of page requests is still rate limited), and a challenged request
    /// never reaches the cache, so no stored response is served to it and its page is never stored.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseChallenge(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<ChallengeMiddleware>();
        return proxy;
    }
}
