using Appliance.Engine.Configuration;
using Appliance.Engine.Security;
using Appliance.Engine.Security.TurnedAway;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy;

namespace Appliance.Engine.PoolLimits;

/// <summary>
/// Holds a slot of the request's pool for the whole proxied request, until its response is complete,
/// when the pool has a cap. Beyond the cap the request waits in the pool's queue; with the queue
/// full it gets the 503 page at once, and after the queue's timeout it gets it too, both with
/// <c>Retry-After</c>. A client that goes away while waiting just leaves the queue.
/// </summary>
internal sealed class PoolLimitMiddleware(RequestDelegate next, PoolGates gates, ITurnedAwayRecorder turnedAway)
{
    private const string Explanation = "The service is busy right now. Please try again in a moment.";

    // Not async on the way through: a pool without a cap (most) costs no state machine per request.
    public Task InvokeAsync(HttpContext context)
    {
        var plan = context.GetRoutePlan();
        var limits = plan.Get<PoolLimitSet>();
        if (limits.Limits.Count == 0)
        {
            return next(context);
        }

        var pool = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        return limits.For(pool) is { } limit ? LimitedAsync(context, plan, pool, limit) : next(context);
    }

    private async Task LimitedAsync(HttpContext context, Configuration.RoutePlan plan, string pool, PoolLimit limit)
    {
        var gate = gates.For(pool, limit, plan.Revision);
        var outcome = await gate.EnterAsync(context.RequestAborted);
        if (outcome == PoolGateOutcome.Entered)
        {
            try
            {
                await next(context);
            }
            finally
            {
                gate.Exit();
            }

            return;
        }

        if (outcome == PoolGateOutcome.ClientGone)
        {
            return;
        }

        gates.CountRejection(pool, outcome);
        turnedAway.Record(TurnedAwayReason.Overload, context.Connection.RemoteIpAddress);

        // Set at response start: the error page clears the headers set before it.
        context.Response.OnStarting(static state =>
        {
            var (response, retryAfter) = ((HttpResponse, string))state;
            response.Headers[HeaderNames.RetryAfter] = retryAfter;
            return Task.CompletedTask;
        }, (context.Response, gate.Limit.RetryAfter));
        await ErrorPages.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, Explanation);
    }
}
