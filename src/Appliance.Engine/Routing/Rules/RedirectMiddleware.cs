using System.Text;
using Appliance.Engine.Configuration;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Routing.Rules;

/// <summary>
/// Answers a redirect route's requests itself: nothing reaches a backend (a redirect route's
/// cluster has no destinations). The location is built from the canonical forward path, the
/// matched host (bounded by the route's hosts, which validation requires for <c>{host}</c>) and
/// the query as the client sent it.
/// </summary>
internal sealed class RedirectMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var redirect = context.GetRoutePlan().Get<RouteRedirect>();
        if (!redirect.IsActive)
        {
            return next(context);
        }

        var request = context.Request;
        var forward = CanonicalPath.ForwardOf(request);

        // The route matched this path, so the prefix is there; "" only if the spellings disagree.
        var rest = PathRest.After(forward, redirect.Prefix) ?? "";
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        context.Response.StatusCode = redirect.Status;
        context.Response.Headers.Location = Location(redirect, request.Scheme, request.Host.ToUriComponent(), rest, query);
        return Task.CompletedTask;
    }

    /// <summary>The location for one request; public for the unit tests of its edge cases.</summary>
    public static string Location(RouteRedirect redirect, string scheme, string host, string rest, string query)
    {
        var location = new StringBuilder(redirect.Location)
            .Replace("{scheme}", scheme)
            .Replace("{host}", host)
            .Replace("{path}", rest)
            .Replace("{query}", query)
            .ToString();

        if (redirect.KeepQuery && query.Length > 0 && !redirect.Location.Contains("{query}", StringComparison.Ordinal))
        {
            location = string.Concat(location, location.Contains('?') ? "&" : "?", query);
        }

        // "/{path}" with a rest of "/evil.example" must not become "//evil.example", which a
        // browser reads as another host: a local location keeps exactly one leading slash.
        if (location.Length > 1 && location[0] == '/' && location[1] is '/' or '\\')
        {
            location = "/" + location.TrimStart('/', '\\');
        }

        return location;
    }
}
