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
internal sealed class RedirectMiddleware(RequestDelegate next, RedirectCounter counter)
{
    public Task InvokeAsync(HttpContext context)
    {
        var plan = context.GetRoutePlan();
        var redirect = plan.Get<RouteRedirect>();
        if (!redirect.IsActive)
        {
            return next(context);
        }

        counter.Add(plan.RouteId, redirect.Status);
        context.Response.StatusCode = redirect.Status;
        context.Response.Headers.Location = LocationFor(redirect, context.Request);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The location <paramref name="request"/> is sent to: the one place the data plane and the
    /// route tester take the rest of the path and the query from, so the two always agree.
    /// </summary>
    public static string LocationFor(RouteRedirect redirect, HttpRequest request)
    {
        // The route matched this path, so the prefix is there; "" only if the spellings disagree.
        var rest = PathRest.After(CanonicalPath.ForwardOf(request), redirect.Prefix) ?? "";
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        return Location(redirect, request.Scheme, request.Host.ToUriComponent(), rest, query);
    }

    /// <summary>The location for one request; public for the unit tests of its edge cases.</summary>
    public static string Location(RouteRedirect redirect, string scheme, string host, string rest, string query)
    {
        var location = Fill(redirect.Location, scheme, host, rest, query);

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

    // One pass over the operator's template: a placeholder is only recognised there, never in a
    // value put in for one, so a request path such as "/{query}" stays a path and cannot pull the
    // query (or anything else) into another part of the location.
    private static string Fill(string template, string scheme, string host, string rest, string query)
    {
        var location = new StringBuilder(template.Length + rest.Length + query.Length);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                location.Append(template, i, template.Length - i);
                break;
            }

            location.Append(template, i, open - i);
            var (value, length) = PlaceholderAt(template.AsSpan(open), scheme, host, rest, query);
            location.Append(value ?? "{");
            i = open + (value is null ? 1 : length);
        }

        return location.ToString();
    }

    private static (string? Value, int Length) PlaceholderAt(ReadOnlySpan<char> text, string scheme, string host, string rest, string query) =>
        text.StartsWith("{scheme}") ? (scheme, "{scheme}".Length)
        : text.StartsWith("{host}") ? (host, "{host}".Length)
        : text.StartsWith("{path}") ? (rest, "{path}".Length)
        : text.StartsWith("{query}") ? (query, "{query}".Length)
        : (null, 0);
}
