using Appliance.Engine.Security;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy;

namespace Appliance.Engine.Configuration;

/// <summary>
/// The one step on the request path that reads the snapshot store: first in the proxy pipeline,
/// right after YARP matched the route, it puts that route's plan on the request. Every later
/// stage reads the plan, so one request sees one revision.
/// </summary>
internal sealed class RoutePlanMiddleware(RequestDelegate next, SnapshotStore snapshots)
{
    public Task InvokeAsync(HttpContext context)
    {
        var plan = snapshots.PlanFor(context.GetReverseProxyFeature().Route.Config.RouteId);
        if (plan is null)
        {
            // The route was matched just before two revisions in a row removed it: it is gone.
            return ErrorPages.WriteAsync(context, StatusCodes.Status404NotFound);
        }

        context.Features.Set(plan);
        return next(context);
    }
}
