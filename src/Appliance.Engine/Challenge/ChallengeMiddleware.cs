using Appliance.Data.Networking;
using Appliance.Engine.Challenge.Crawlers;
using Appliance.Engine.Configuration;
using Appliance.Engine.Security.TurnedAway;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Challenge;

/// <summary>
/// On a route whose challenge applies, a request without a valid clearance cookie for its settled
/// client address gets the challenge page, whatever its method or Accept: nothing of it reaches the
/// cache or the backends. Allowed address ranges and crawlers that DNS confirms pass without one;
/// routes that scripts call opt out with mode Off.
/// </summary>
internal sealed class ChallengeMiddleware(RequestDelegate next, ChallengeTokens tokens, ChallengeCounter counter, CrawlerVerifier crawlers, ITurnedAwayRecorder turnedAway)
{
    public Task InvokeAsync(HttpContext context)
    {
        var challenge = context.GetRoutePlan().Get<RouteChallenge>();
        if (!challenge.Applies)
        {
            return next(context);
        }

        var client = ClientAddresses.NormalizeOrNull(context.Connection.RemoteIpAddress);
        if (challenge.Exemptions.Allows(client))
        {
            counter.Count(ChallengeResult.Allowed);
            return next(context);
        }

        var address = client?.ToString() ?? "";
        if (tokens.IsCleared(context.Request.Cookies[ChallengePaths.ClearanceCookie], address))
        {
            return next(context);
        }

        // Only a request that claims a crawler's User-Agent costs a (cached) DNS check.
        if (client is not null && challenge.Exemptions.CrawlerClaimedBy(context.Request.Headers.UserAgent) is { } crawler)
        {
            return CheckCrawlerAsync(context, challenge, client, address, crawler);
        }

        return AskAsync(context, challenge, client, address);
    }

    /// <summary>The settled client address (trusted proxies' forwarding already applied), as the tokens bind it.</summary>
    public static string AddressOf(HttpContext context) =>
        ClientAddresses.NormalizeOrNull(context.Connection.RemoteIpAddress)?.ToString() ?? "";

    private async Task CheckCrawlerAsync(HttpContext context, RouteChallenge challenge, System.Net.IPAddress client, string address, CompiledCrawler crawler)
    {
        if (await crawlers.IsVerifiedAsync(client, crawler))
        {
            counter.Count(ChallengeResult.Crawler);
            await next(context);
            return;
        }

        counter.Count(ChallengeResult.Impostor);
        await AskAsync(context, challenge, client, address);
    }

    private Task AskAsync(HttpContext context, RouteChallenge challenge, System.Net.IPAddress? client, string address)
    {
        counter.Count(ChallengeResult.Issued);
        turnedAway.Record(TurnedAwayReason.Challenge, client);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return ChallengePage.WriteAsync(context, tokens.Issue(address, challenge.Difficulty, challenge.ValidMinutes), challenge.Difficulty, ReturnTargets.Safe(target));
    }
}
