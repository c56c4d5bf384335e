using Appliance.Data.Model;

namespace Appliance.Engine.Routing.Rules;

/// <summary>
/// What YARP's route config carries for the steps that run before a route's plan is known: the
/// matcher policy for cookie and query-absence conditions, and the transform that rewrites the
/// path (transforms are built per route config, once per revision, not per request).
/// </summary>
internal static class RouteRuleMetadata
{
    public const string PathPrefix = "Appliance.PathPrefix";
    public const string RewritePath = "Appliance.RewritePath";

    /// <summary>The revision's shared metadata, or a copy with this route's rules when it has any.</summary>
    public static IReadOnlyDictionary<string, string> For(RouteSpec route, IReadOnlyDictionary<string, string> shared)
    {
        var conditions = RequestConditions.MetadataFor(route);
        if (conditions is null && route.RewritePath is null)
        {
            return shared;
        }

        var metadata = new Dictionary<string, string>(shared, StringComparer.Ordinal);
        if (conditions is not null)
        {
            metadata[RequestConditions.MetadataKey] = conditions;
        }

        if (route.RewritePath is { } rewrite)
        {
            metadata[PathPrefix] = route.Path;
            metadata[RewritePath] = rewrite;
        }

        return metadata;
    }

    /// <summary>The cluster of redirect routes: no destinations, so nothing could be forwarded by mistake.</summary>
    public const string RedirectClusterId = "$redirect";
}
