using Appliance.Data.Model;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Routing.Rules;

/// <summary>
/// The route conditions YARP's own matchers decide: headers, and query parameters but for
/// <c>NotExists</c>, which YARP lacks. Cookies and query absence are left to
/// <see cref="RequestConditionsMatcherPolicy"/>.
/// </summary>
internal static class YarpMatchConditions
{
    /// <summary>The route's header conditions for YARP, or null when it has none.</summary>
    public static IReadOnlyList<RouteHeader>? Headers(RouteSpec route) =>
        route.Headers.Count > 0 ? route.Headers.Select(ToYarp).ToArray() : null;

    /// <summary>The route's query conditions YARP can decide, or null when it has none.</summary>
    public static IReadOnlyList<RouteQueryParameter>? QueryParameters(RouteSpec route)
    {
        var decidable = route.Query.Where(q => q.Mode != MatchModes.NotExists).Select(ToYarpQuery).ToArray();
        return decidable.Length > 0 ? decidable : null;
    }

    // Values are compared case-sensitively everywhere (cookies too), so one rule holds for all three kinds.
    private static RouteHeader ToYarp(MatchConditionSpec header) => new()
    {
        Name = header.Name,
        Values = MatchModes.IgnoresValues(header.Mode) ? null : header.Values,
        IsCaseSensitive = true,
        Mode = header.Mode switch
        {
            MatchModes.Exact => HeaderMatchMode.ExactHeader,
            MatchModes.Prefix => HeaderMatchMode.HeaderPrefix,
            MatchModes.Contains => HeaderMatchMode.Contains,
            MatchModes.NotContains => HeaderMatchMode.NotContains,
            MatchModes.Exists => HeaderMatchMode.Exists,
            _ => HeaderMatchMode.NotExists,
        },
    };

    private static RouteQueryParameter ToYarpQuery(MatchConditionSpec query) => new()
    {
        Name = query.Name,
        Values = MatchModes.IgnoresValues(query.Mode) ? null : query.Values,
        IsCaseSensitive = true,
        Mode = query.Mode switch
        {
            MatchModes.Exact => QueryParameterMatchMode.Exact,
            MatchModes.Prefix => QueryParameterMatchMode.Prefix,
            MatchModes.Contains => QueryParameterMatchMode.Contains,
            MatchModes.NotContains => QueryParameterMatchMode.NotContains,
            _ => QueryParameterMatchMode.Exists,
        },
    };
}
