using Appliance.Engine.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Tls;

/// <summary>
/// Per route: sends plain-HTTP clients to HTTPS (301 for GET and HEAD; 308 otherwise, so a POST
/// stays a POST), adds <c>Strict-Transport-Security</c> to HTTPS responses only, as RFC 6797
/// requires, and the route's security headers to every response. Runs right after the route is
/// matched, before access lists, basic auth and rate limits: credentials are never asked for, nor
/// accepted, over plain HTTP on a route that redirects.
/// </summary>
internal sealed class HttpsPolicyMiddleware(RequestDelegate next, HttpsEndpoint https)
{
    public Task InvokeAsync(HttpContext context)
    {
        var policy = context.GetRoutePlan().Get<RouteHttpsPolicy>();
        if (!policy.IsActive)
        {
            return next(context);
        }

        if (!context.Request.IsHttps && policy.RedirectToHttps)
        {
            (context.Response.StatusCode, context.Response.Headers.Location) = RedirectFor(context.Request, https.PublicPort);
            return Task.CompletedTask;
        }

        var hsts = context.Request.IsHttps ? policy.StrictTransportSecurity : null;
        if (hsts is not null || policy.SecurityHeaders || policy.ContentSecurityPolicy is not null)
        {
            // At response start: the backend's own headers, if any, are replaced rather than doubled.
            context.Response.OnStarting(static state =>
            {
                var (response, policy, hsts) = ((HttpResponse, RouteHttpsPolicy, string?))state;
                if (hsts is not null)
                {
                    response.Headers[HeaderNames.StrictTransportSecurity] = hsts;
                }

                if (policy.SecurityHeaders)
                {
                    response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                    response.Headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
                    response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                }

                if (policy.ContentSecurityPolicy is { } csp)
                {
                    response.Headers[HeaderNames.ContentSecurityPolicy] = csp;
                }

                return Task.CompletedTask;
            }, (context.Response, policy, hsts));
        }

        return next(context);
    }

    /// <summary>
    /// The redirect a plain-HTTP request gets on a route that asks for HTTPS: 301 for GET and
    /// HEAD, 308 otherwise, to the same canonical path and query on <paramref name="publicPort"/>.
    /// </summary>
    public static (int Status, string Location) RedirectFor(HttpRequest request, int publicPort)
    {
        var host = publicPort is 443 or 0 ? new HostString(request.Host.Host) : new HostString(request.Host.Host, publicPort);
        var status = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? StatusCodes.Status301MovedPermanently
            : StatusCodes.Status308PermanentRedirect;
        return (status, string.Concat("https://", host.ToUriComponent(), Routing.CanonicalPath.ForwardOf(request), request.QueryString.Value));
    }
}
