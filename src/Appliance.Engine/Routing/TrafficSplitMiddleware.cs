using Appliance.Engine.Configuration;
using Appliance.Engine.Randomness;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Routing;

/// <summary>
/// Sends a matched request to one of its route's weighted targets (canary and A/B splits). YARP
/// routes have one cluster, so the draw happens here, before load balancing, and moves the request
/// with <c>ReassignProxyRequest</c>. Sticky routes keep a client on its target with a cookie.
/// </summary>
internal sealed class TrafficSplitMiddleware(RequestDelegate next, IRandomSource random, IProxyStateLookup proxyState)
{
    public Task InvokeAsync(HttpContext context)
    {
        var split = context.GetRoutePlan().Get<RouteSplit>();
        if (split.IsSingleTarget && !split.Sticky)
        {
            return next(context);
        }

        var cookie = split.Sticky ? context.Request.Cookies[split.CookieName] : null;
        var target = split.Choose(cookie, random, out var drawn);
        if (split.Sticky && drawn)
        {
            // Set when the response starts: a retry or an error page clears the headers set so far.
            context.Response.OnStarting(static state =>
            {
                var (httpContext, cookieName, cookieValue) = ((HttpContext, string, string))state;
                httpContext.Response.Cookies.Append(cookieName, cookieValue, new CookieOptions
                {
                    Path = "/",
                    HttpOnly = true,
                    Secure = httpContext.Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    MaxAge = StickyCookie.Lifetime,
                });
                return Task.CompletedTask;
            }, (context, split.CookieName, target.CookieValue));
        }

        // The plan is from the revision YARP routes with, so its pools exist; in the moment around a
        // swap one may not yet or no longer, and the route's own cluster serves.
        var feature = context.GetReverseProxyFeature();
        if (!string.Equals(target.Pool, feature.Cluster.Config.ClusterId, StringComparison.Ordinal)
            && proxyState.TryGetCluster(target.Pool, out var cluster))
        {
            context.ReassignProxyRequest(cluster);
        }

        return next(context);
    }
}
