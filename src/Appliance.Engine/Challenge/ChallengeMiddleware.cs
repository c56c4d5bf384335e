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
/// routes that scripts call opt out with mode Off. A client that keeps asking for the page gets it
/// more and more slowly (<see cref="ChallengePacer"/>).
/// </summary>
internal sealed class ChallengeMiddleware(RequestDelegate next, ChallengeTokens tokens, ChallengeCounter counter, CrawlerVerifier crawlers, ChallengePacer pacer, ITurnedAwayRecorder turnedAway)
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
        var paced = pacer.PaceAsync(client, context.RequestAborted);
        return paced.IsCompletedSuccessfully ? WritePageAsync(context, challenge, address) : WritePageLaterAsync(paced, context, challenge, address);
    }

    private async Task WritePageLaterAsync(Task paced, HttpContext context, RouteChallenge challenge, string address)
    {
        try
        {
            await paced;
        }
        catch (OperationCanceledException)
        {
            // The client left while its page waited: nobody to answer.
            return;
        }

        await WritePageAsync(context, challenge, address);
    }

    // Sealed when it is sent, so a page that waited is valid for as long as one sent at once.
    private Task WritePageAsync(HttpContext context, RouteChallenge challenge, string address)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return ChallengePage.WriteAsync(context, tokens.Issue(address, challenge.Difficulty, challenge.ValidMinutes), challenge.Difficulty, ReturnTargets.Safe(target));
    }
}
