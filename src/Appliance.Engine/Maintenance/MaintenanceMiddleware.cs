using Appliance.Engine.Configuration;
using Appliance.Engine.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Maintenance;

/// <summary>
/// A route in maintenance answers 503 with the maintenance page (the operator's 503 page for the
/// route, else the global one, else the default), <c>Retry-After</c> and <c>Cache-Control: no-store</c>,
/// to every client whose settled address is not allowed; allowed clients go on to the backends.
/// </summary>
internal sealed class MaintenanceMiddleware(RequestDelegate next, MaintenanceCounter counter)
{
    private const string Explanation = "This site is down for maintenance. Please come back a little later.";

    public Task InvokeAsync(HttpContext context)
    {
        var plan = context.GetRoutePlan();
        var maintenance = plan.Get<RouteMaintenance>();
        if (!maintenance.Enabled || maintenance.Allows(context.Connection.RemoteIpAddress))
        {
            return next(context);
        }

        counter.Count(plan.RouteId);

        // Set at response start: the error page clears the headers set before it.
        context.Response.OnStarting(static state =>
        {
            var (response, retryAfter) = ((HttpResponse, string))state;
            response.Headers[HeaderNames.RetryAfter] = retryAfter;
            return Task.CompletedTask;
        }, (context.Response, maintenance.RetryAfter));
        return ErrorPages.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, Explanation);
    }
}
