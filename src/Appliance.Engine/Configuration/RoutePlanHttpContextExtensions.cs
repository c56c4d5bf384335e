using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Configuration;

/// <summary>The request's route plan, as YARP's <c>GetReverseProxyFeature()</c> gives its own state.</summary>
internal static class RoutePlanHttpContextExtensions
{
    /// <summary>The plan <see cref="RoutePlanMiddleware"/> resolved for this request.</summary>
    public static RoutePlan GetRoutePlan(this HttpContext context) =>
        context.Features.Lookup<RoutePlan>() ?? throw new InvalidOperationException("The request has no route plan: UseRoutePlan() must come first in the proxy pipeline.");
}
