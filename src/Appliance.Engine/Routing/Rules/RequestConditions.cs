using System.Text.Json;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Routing.Rules;

/// <summary>
/// The conditions of a route that YARP's matcher cannot decide: every cookie condition (YARP
/// matches no cookies) and query <c>NotExists</c> (YARP's query modes have no such mode). Headers
/// and the other query modes are YARP's own <c>RouteMatch.Headers</c>/<c>QueryParameters</c>.
/// Built once per route and revision, carried in the route's metadata; checked by
/// <see cref="RequestConditionsMatcherPolicy"/> while endpoints are selected.
/// </summary>
internal sealed class RequestConditions
{
    public const string MetadataKey = "Appliance.Conditions";

    private readonly ValueCondition[] _cookies;
    private readonly string[] _absentQuery;

    private RequestConditions(ValueCondition[] cookies, string[] absentQuery)
    {
        _cookies = cookies;
        _absentQuery = absentQuery;
    }

    /// <summary>The metadata value for <paramref name="route"/>, or null when YARP decides all its conditions.</summary>
    public static string? MetadataFor(RouteSpec route)
    {
        var absent = route.Query.Where(q => q.Mode == MatchModes.NotExists).Select(q => q.Name).ToArray();
        return route.Cookies.Count == 0 && absent.Length == 0
            ? null
            : JsonSerializer.Serialize(new Stored(route.Cookies.ToArray(), absent), ConfigJson.Options);
    }

    public static RequestConditions Parse(string metadata)
    {
        var stored = JsonSerializer.Deserialize<Stored>(metadata, ConfigJson.Options)!;
        return new RequestConditions(stored.Cookies.Select(ValueCondition.From).ToArray(), stored.AbsentQuery);
    }

    public bool Matches(HttpRequest request)
    {
        foreach (var name in _absentQuery)
        {
            if (request.Query.ContainsKey(name))
            {
                return false;
            }
        }

        if (_cookies.Length == 0)
        {
            return true;
        }

        var cookies = request.Headers[HeaderNames.Cookie];
        foreach (var condition in _cookies)
        {
            if (!condition.Matches(CookieValues(cookies, condition.Name)))
            {
                return false;
            }
        }

        return true;
    }

    // Cookie names are compared case-sensitively, as RFC 6265 (5.4) has user agents send them back;
    // ASP.NET Core's cookie collection ignores case and keeps one of several same-named cookies, so
    // the header is read here instead. Every cookie of that name counts; quotes around a value go.
    internal static string[] CookieValues(Microsoft.Extensions.Primitives.StringValues headers, string name)
    {
        List<string>? values = null;
        foreach (var header in headers)
        {
            foreach (var part in (header ?? "").Split(';'))
            {
                var pair = part.AsSpan().Trim();
                var equals = pair.IndexOf('=');
                if (equals <= 0 || !pair[..equals].Trim().SequenceEqual(name))
                {
                    continue;
                }

                var value = pair[(equals + 1)..].Trim();
                if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
                {
                    value = value[1..^1];
                }

                (values ??= []).Add(value.ToString());
            }
        }

        return values?.ToArray() ?? [];
    }

    private sealed record Stored(MatchConditionSpec[] Cookies, string[] AbsentQuery);
}
