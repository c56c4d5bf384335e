using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Data.ConfigKinds.Routes;

internal sealed class RouteMapper : IConfigMapper<RouteSpec, RouteEntity>
{
    public RouteSpec ToSpec(RouteEntity route) => new()
    {
        Name = route.Name,
        Hosts = route.Hosts.ToArray(),
        Path = route.Path,
        Methods = route.Methods.ToArray(),
        Headers = Conditions(route.Headers),
        Query = Conditions(route.Query),
        Cookies = Conditions(route.Cookies),
        RewritePath = route.RewritePath,
        Redirect = route.Redirect is null ? null : ConfigJson.Deserialize<RedirectSpec>(route.Redirect),
        Mirror = route.Mirror is null ? null : ConfigJson.Deserialize<MirrorSpec>(route.Mirror),
        Order = route.Order,
        Sticky = route.Sticky,
        Tls = route.Tls,
        HttpsRedirect = route.HttpsRedirect,
        HstsMaxAgeSeconds = route.HstsMaxAgeSeconds,
        Compression = route.Compression,
        AccessList = route.AccessList,
        RateLimit = route.RateLimit,
        SecurityHeaders = route.SecurityHeaders,
        ContentSecurityPolicy = route.ContentSecurityPolicy,
        MaxRequestBodyBytes = route.MaxRequestBodyBytes,
        RequestHeaders = ConfigJson.Deserialize<HeaderRulesSpec>(route.RequestHeaders) ?? new(),
        ResponseHeaders = ConfigJson.Deserialize<HeaderRulesSpec>(route.ResponseHeaders) ?? new(),
        Maintenance = ConfigJson.Deserialize<MaintenanceSpec>(route.Maintenance) ?? new(),
        Challenge = ConfigJson.Deserialize<ChallengeSpec>(route.Challenge) ?? new(),
        Targets = route.Targets.OrderBy(t => t.Position)
            .Select(t => new TargetSpec { Pool = t.Pool!.Name, Weight = t.Weight })
            .ToArray(),
    };

    // Targets point at pool rows, found among the rows the write path read (and any it is adding
    // in the same change, as an import does): validation has made sure each one exists.
    public void Apply(RouteSpec spec, RouteEntity route, ApplianceDbContext db)
    {
        var pools = db.Pools.Local.ToDictionary(p => p.Name, StringComparer.Ordinal);
        route.Name = spec.Name;
        route.Hosts = spec.Hosts.ToList();
        route.Path = spec.Path;
        route.Methods = spec.Methods.ToList();
        route.Order = spec.Order;
        route.Headers = ConfigJson.Serialize(spec.Headers);
        route.Query = ConfigJson.Serialize(spec.Query);
        route.Cookies = ConfigJson.Serialize(spec.Cookies);
        route.RewritePath = spec.RewritePath;
        route.Redirect = spec.Redirect is null ? null : ConfigJson.Serialize(spec.Redirect);
        route.Mirror = spec.Mirror is null ? null : ConfigJson.Serialize(spec.Mirror);
        route.Tls = spec.Tls;
        route.HttpsRedirect = spec.HttpsRedirect;
        route.HstsMaxAgeSeconds = spec.HstsMaxAgeSeconds;
        route.Compression = spec.Compression;
        route.AccessList = spec.AccessList;
        route.RateLimit = spec.RateLimit;
        route.SecurityHeaders = spec.SecurityHeaders;
        route.ContentSecurityPolicy = spec.ContentSecurityPolicy;
        route.MaxRequestBodyBytes = spec.MaxRequestBodyBytes;
        route.Sticky = spec.Sticky;
        route.RequestHeaders = ConfigJson.Serialize(spec.RequestHeaders);
        route.ResponseHeaders = ConfigJson.Serialize(spec.ResponseHeaders);
        route.Maintenance = ConfigJson.Serialize(spec.Maintenance);
        route.Challenge = ConfigJson.Serialize(spec.Challenge);
        route.Targets.Clear();
        route.Targets.AddRange(spec.Targets.Select((t, i) => new RouteTargetEntity { Pool = pools[t.Pool], Weight = t.Weight, Position = i }));
    }

    private static MatchConditionSpec[] Conditions(string json) => ConfigJson.Deserialize<MatchConditionSpec[]>(json) ?? [];
}
