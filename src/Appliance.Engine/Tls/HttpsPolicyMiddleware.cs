using Appliance.Engine.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy;

namespace Appliance.Engine.Tls;

/// <summary>
/// Per route: sends plain-HTTP clients to HTTPS (301 for GET and HEAD; 308 otherwise, so a POST
/// stays a POST) and adds <c>Strict-Transport-Security</c> to HTTPS responses only, as RFC 6797
/// requires. Runs after the route is matched and before anything reaches a backend.
/// </summary>
internal sealed class HttpsPolicyMiddleware(RequestDelegate next, SnapshotStore snapshots, HttpsEndpoint https)
{
    public Task InvokeAsync(HttpContext context)
    {
        var routeId = context.GetReverseProxyFeature().Route.Config.RouteId;
        if (!snapshots.Current.HttpsPolicies.TryGetValue(routeId, out var policy))
        {
            return next(context);
        }

        if (!context.Request.IsHttps)
        {
            if (policy.RedirectToHttps)
            {
                var request = context.Request;
                var port = https.PublicPort;
                var host = port is 443 or 0 ? new HostString(request.Host.Host) : new HostString(request.Host.Host, port);
                context.Response.StatusCode = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                    ? StatusCodes.Status301MovedPermanently
                    : StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = UriHelper.BuildAbsolute("https", host, request.PathBase, request.Path, request.QueryString);
                return Task.CompletedTask;
            }

            return next(context);
        }

        if (policy.StrictTransportSecurity is { } hsts)
        {
            // At response start: the backend's own header, if any, is replaced rather than doubled.
            context.Response.OnStarting(static state =>
            {
                var (response, value) = ((HttpResponse, string))state;
                response.Headers[HeaderNames.StrictTransportSecurity] = value;
                return Task.CompletedTask;
            }, (context.Response, hsts));
        }

        return next(context);
    }
}
