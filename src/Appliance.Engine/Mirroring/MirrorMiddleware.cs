using Appliance.Engine.Configuration;
using Appliance.Engine.Randomness;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// Draws the requests of a mirrored route that get a copy, and prepares each: a slot (or a counted
/// drop), a tee on the client's body within the bound, and a ticket the forwarder fills in with the
/// request it sends. Once the primary is done, the dispatcher sends the copy. The client's request
/// goes on exactly as without mirroring: its body streams to the primary, and nothing here waits on
/// the shadow.
/// </summary>
internal sealed class MirrorMiddleware(RequestDelegate next, IRandomSource random, MirrorMetrics metrics, MirrorDispatcher dispatcher, MirrorOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var mirror = context.GetRoutePlan().Get<RouteMirror>();
        if (!mirror.IsOn || !mirror.Draw(random))
        {
            return next(context);
        }

        var counters = metrics.For(mirror.RouteName);
        if (IsUpgrade(context))
        {
            counters.CountSkipped(MirrorSkipReason.Upgrade);
            return next(context);
        }

        // CanHaveBody covers Content-Length, chunked bodies and HTTP/2 data frames alike.
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true };
        if (hasBody && context.Request.ContentLength > options.MaxBodyBytes)
        {
            counters.CountSkipped(MirrorSkipReason.BodyTooLarge);
            return next(context);
        }

        if (!dispatcher.TryReserve())
        {
            counters.CountDropped();
            return next(context);
        }

        return MirrorAsync(context, new MirrorTicket(mirror, counters, hasBody ? new MirrorBodyTee(context.Request.Body, options.MaxBodyBytes) : null));
    }

    private async Task MirrorAsync(HttpContext context, MirrorTicket ticket)
    {
        var body = context.Request.Body;
        if (ticket.Body is not null)
        {
            context.Request.Body = ticket.Body;
        }

        context.Features.Set(ticket);
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set<MirrorTicket>(null);
            context.Request.Body = body;
            dispatcher.Dispatch(context, ticket);
        }
    }

    private static bool IsUpgrade(HttpContext context) =>
        context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true }
        || context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true };
}
