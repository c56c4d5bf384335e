using System.Globalization;
using Appliance.Engine.Configuration;
using Appliance.Engine.Security.TurnedAway;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// Right after the HTTPS redirect: access lists (global ones, then the route's) decide whether the
/// client address may pass and, where they name users, ask for basic authentication; then rate
/// limits take a token and an in-flight slot. A refusal never reaches a backend: 403 (or a closed
/// connection), 401 with a challenge, or 429 (503 while every password check is busy) with Retry-After.
/// </summary>
internal sealed class ShieldMiddleware(RequestDelegate next, RateLimiter limiter, ShieldLog log, BasicAuthVerifier basicAuth, GeoIp.CountryBlocks countryBlocks, RefusalPacer pacer, ITurnedAwayRecorder turnedAway)
{
    public Task InvokeAsync(HttpContext context)
    {
        var plan = context.GetRoutePlan();
        var shield = plan.Get<RouteShield>();

        // Not async here: a route with nothing to shield costs no state machine.
        return shield.IsEmpty ? next(context) : GuardAsync(context, plan.RouteId, shield);
    }

    private async Task GuardAsync(HttpContext context, string routeId, RouteShield shield)
    {

        // A route's own body limit replaces the global one while the body is still unread.
        if (shield.MaxRequestBodyBytes is { } maxBody)
        {
            if (context.Request.ContentLength > maxBody)
            {
                log.Record(ShieldReasons.BodySize, routeId, context.Connection.RemoteIpAddress, $"{context.Request.ContentLength} bytes");
                turnedAway.Record(TurnedAwayReason.BodySize, context.Connection.RemoteIpAddress);
                context.Response.OnStarting(static state =>
                {
                    ((HttpResponse)state).Headers.Connection = "close";
                    return Task.CompletedTask;
                }, context.Response);
                await ErrorPages.WriteAsync(context, StatusCodes.Status413PayloadTooLarge);
                return;
            }

            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = maxBody;
            }
        }

        if (shield.AccessLists.Count == 0 && shield.RateLimits.Count == 0)
        {
            await next(context);
            return;
        }

        var client = context.Connection.RemoteIpAddress ?? System.Net.IPAddress.None;
        BasicAuthResult? signedIn = null;
        foreach (var list in shield.AccessLists)
        {
            var (allowed, rule) = list.Decide(client);
            if (allowed)
            {
                // A list holding the user already verified, with the same hash, asks nothing more.
                if (list.Users.Count > 0 && signedIn?.Covers(list) != true)
                {
                    var result = await basicAuth.VerifyAsync(context.Request, list, client, context.RequestAborted);
                    if (result.Outcome != BasicAuthOutcome.Authorized)
                    {
                        await RefuseAsync(context, result.Outcome, result.RetryAfter, routeId, client, list.Name);
                        return;
                    }

                    signedIn = result;
                }

                continue;
            }

            var country = list.CountryOf(rule);
            log.Record(ShieldReasons.AccessList, routeId, client, rule < 0 ? $"{list.Name}: default" : country is null ? $"{list.Name}: rule {rule + 1}" : $"{list.Name}: rule {rule + 1} (country {country})");
            turnedAway.Record(country is null ? TurnedAwayReason.AccessList : TurnedAwayReason.Country, client);
            if (country is not null)
            {
                countryBlocks.Record(country);
            }

            if (list.Drop)
            {
                context.Abort();
                return;
            }

            await ErrorPages.WriteAsync(context, StatusCodes.Status403Forbidden);
            return;
        }

        // The credentials were for the appliance: the backend never sees them. Only now, once every
        // list (a global one, then the route's) has read them.
        if (signedIn is not null)
        {
            context.Request.Headers.Remove(HeaderNames.Authorization);
        }

        var acquired = 0;
        try
        {
            foreach (var limit in shield.RateLimits)
            {
                var decision = await limiter.AcquireAsync(limit, client);
                if (!decision.Allowed)
                {
                    log.Record(decision.ConcurrencyRefused ? ShieldReasons.Concurrency : ShieldReasons.RateLimit, routeId, client, limit.Name);
                    turnedAway.Record(decision.ConcurrencyRefused ? TurnedAwayReason.Concurrency : TurnedAwayReason.RateLimit, client);
                    await RefuseLaterAsync(context, client, decision.RetryAfter);
                    return;
                }

                acquired++;
            }

            await next(context);
        }
        finally
        {
            for (var i = 0; i < acquired; i++)
            {
                limiter.Release(shield.RateLimits[i], client);
            }
        }
    }

    private Task RefuseAsync(HttpContext context, BasicAuthOutcome outcome, TimeSpan retryAfter, string routeId, System.Net.IPAddress client, string list)
    {
        // Wrong, throttled or unheard for lack of a free hash: each of the shield's three counts below.
        turnedAway.Record(TurnedAwayReason.BasicAuth, client);
        switch (outcome)
        {
            case BasicAuthOutcome.Throttled:
                log.Record(ShieldReasons.BasicAuthThrottled, routeId, client, list);
                return WriteRetryLaterAsync(context, StatusCodes.Status429TooManyRequests, retryAfter);
            case BasicAuthOutcome.Busy:
                log.Record(ShieldReasons.BasicAuthBusy, routeId, client, list);
                return WriteRetryLaterAsync(context, StatusCodes.Status503ServiceUnavailable, retryAfter);
            default:
                log.Record(ShieldReasons.BasicAuth, routeId, client, list);
                context.Response.OnStarting(static state =>
                {
                    var (response, challenge) = ((HttpResponse, string))state;
                    response.Headers[HeaderNames.WWWAuthenticate] = challenge;
                    return Task.CompletedTask;
                }, (context.Response, BasicAuthVerifier.Challenge("Restricted")));
                return ErrorPages.WriteAsync(context, StatusCodes.Status401Unauthorized);
        }
    }

    // A client that keeps drawing 429s gets them more slowly; one that leaves meanwhile gets nothing.
    private async Task RefuseLaterAsync(HttpContext context, System.Net.IPAddress client, TimeSpan retryAfter)
    {
        var paced = pacer.PaceAsync(client, context.RequestAborted);
        if (!paced.IsCompleted)
        {
            try
            {
                await paced;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await WriteRetryLaterAsync(context, StatusCodes.Status429TooManyRequests, retryAfter);
    }

    private static Task WriteRetryLaterAsync(HttpContext context, int status, TimeSpan retryAfter)
    {
        // Set at response start: the error page clears the headers set before it.
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.OnStarting(static state =>
        {
            var (response, value) = ((HttpResponse, string))state;
            response.Headers[HeaderNames.RetryAfter] = value;
            return Task.CompletedTask;
        }, (context.Response, seconds));
        return ErrorPages.WriteAsync(context, status);
    }
}
