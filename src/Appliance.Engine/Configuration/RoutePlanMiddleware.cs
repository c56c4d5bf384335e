using Appliance.Engine.Security;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy;

namespace Appliance.Engine.Configuration;

/// <summary>
/// The one step on the request path that reads the snapshot store: first in the proxy pipeline,
/// right after YARP matched the route, it puts the plan built with that very route on the request.
/// Every later stage reads the plan, so one request sees one revision, the one it was matched in.
/// </summary>
internal sealed class RoutePlanMiddleware(RequestDelegate next, SnapshotStore snapshots)
{
    public Task InvokeAsync(HttpContext context)
    {
        var plan = snapshots.PlanFor(context.GetReverseProxyFeature().Route.Config);
        if (plan is null)
        {
            // The route was matched on a revision no longer held: two more went live meanwhile. It
            // is answered as a request no route takes, with that page.
            context.Features.Set(snapshots.UnmatchedPlan());
            return ErrorPages.WriteAsync(context, StatusCodes.Status404NotFound);
        }

        context.Features.Set(plan);
        return next(context);
    }
}
