using Appliance.Data.Model;
using Appliance.Engine.Routing.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Routing.Testing;

/// <summary>
/// Says in words why a route does not take a request: the first of host, path, method, headers,
/// query and cookies that fails, read with the matchers' own rules (hosts and path literals ignore
/// case; values are compared case-sensitively; YARP splits header values on <c>,</c> and <c>;</c>
/// for <c>Exact</c> and <c>Prefix</c>). It explains; the route match itself is the data plane's.
/// </summary>
internal static class RouteCandidateCheck
{
    /// <summary>Null when <paramref name="route"/> takes <paramref name="request"/>, else the reason it does not.</summary>
    public static string? ReasonAgainst(RouteSpec route, HttpRequest request)
    {
        var host = request.Host.Host;
        if (route.Hosts.Count > 0 && !route.Hosts.Any(h => HostMatches(h, host)))
        {
            return $"host '{host}' is not {Listed(route.Hosts)}";
        }

        var path = request.Path.Value ?? "/";
        if (!PathMatches(route.Path, path))
        {
            return $"path '{path}' is not under '{route.Path}'";
        }

        if (route.Methods.Count > 0 && !route.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return $"method {request.Method} is not {Listed(route.Methods)}";
        }

        foreach (var header in route.Headers)
        {
            var sent = request.Headers[header.Name];
            if (!ValueCondition.From(header).Matches(HeaderValues(sent, header.Mode)))
            {
                return Failed("header", header, sent);
            }
        }

        foreach (var query in route.Query)
        {
            var sent = request.Query[query.Name];
            if (!ValueCondition.From(query).Matches(sent.Where(v => v is not null).ToArray()!))
            {
                return Failed("query parameter", query, sent);
            }
        }

        foreach (var cookie in route.Cookies)
        {
            var sent = RequestConditions.CookieValues(request.Headers[HeaderNames.Cookie], cookie.Name);
            if (!ValueCondition.From(cookie).Matches(sent))
            {
                return Failed("cookie", cookie, sent);
            }
        }

        return null;
    }

    // "*.example.com" takes any name under example.com, not example.com itself, as ASP.NET Core's host matcher does.
    private static bool HostMatches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.Length > pattern.Length - 1 && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    private static bool PathMatches(string prefix, string path) =>
        prefix == "/"
        || (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/'));

    private static string[] HeaderValues(StringValues sent, string mode)
    {
        if (mode is not (MatchModes.Exact or MatchModes.Prefix))
        {
            return sent.Where(v => v is not null).ToArray()!;
        }

        return sent
            .SelectMany(v => (v ?? "").Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(v => v.Length >= 2 && v[0] == '"' && v[^1] == '"' ? v[1..^1] : v)
            .ToArray();
    }

    private static string Failed(string kind, MatchConditionSpec condition, IReadOnlyList<string?> sent)
    {
        var wanted = MatchModes.IgnoresValues(condition.Mode) ? condition.Mode : $"{condition.Mode} {Listed(condition.Values)}";
        var got = sent.Count == 0 ? "not sent" : "sent " + string.Join(", ", sent.Select(v => $"'{v}'"));
        return $"{kind} {condition.Name} must be {wanted} ({got})";
    }

    private static string Listed(IEnumerable<string> items)
    {
        var quoted = items.Select(i => $"'{i}'").ToArray();
        return quoted.Length == 1 ? quoted[0] : "one of " + string.Join(", ", quoted);
    }
}
