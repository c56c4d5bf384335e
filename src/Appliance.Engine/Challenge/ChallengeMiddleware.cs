using Appliance.Data.Networking;
using Appliance.Engine.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Challenge;

/// <summary>
/// On a route whose challenge applies, a request without a valid clearance cookie for its settled
/// client address gets the challenge page, whatever its method or Accept: nothing of it reaches the
/// cache or the backends. Routes that scripts call opt out with mode Off.
/// </summary>
internal sealed class ChallengeMiddleware(RequestDelegate next, ChallengeTokens tokens, ChallengeCounter counter)
{
    public Task InvokeAsync(HttpContext context)
    {
        var challenge = context.GetRoutePlan().Get<RouteChallenge>();
        if (!challenge.AppliesWhen(false))
        {
            return next(context);
        }

        var address = AddressOf(context);
        if (tokens.IsCleared(context.Request.Cookies[ChallengePaths.ClearanceCookie], address))
        {
            return next(context);
        }

        counter.Count(ChallengeResult.Issued);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return ChallengePage.WriteAsync(context, tokens.Issue(address, challenge.Difficulty, challenge.ValidMinutes), challenge.Difficulty, ReturnTargets.Safe(target));
    }

    /// <summary>The settled client address (trusted proxies' forwarding already applied), as the tokens bind it.</summary>
    public static string AddressOf(HttpContext context) =>
        ClientAddresses.NormalizeOrNull(context.Connection.RemoteIpAddress)?.ToString() ?? "";
}
