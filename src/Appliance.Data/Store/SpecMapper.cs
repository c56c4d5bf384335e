using Appliance.Data.Entities;
using Appliance.Data.Model;

namespace Appliance.Data.Store;

// Entities never leave Appliance.Data: everything outside sees specs.
internal static class SpecMapper
{
    public static PoolSpec ToSpec(PoolEntity pool) => new()
    {
        Name = pool.Name,
        LoadBalancing = pool.LoadBalancing,
        HealthCheck = pool.HealthCheck is { } h
            ? new HealthCheckSpec
            {
                Path = h.Path,
                IntervalSeconds = h.IntervalSeconds,
                TimeoutSeconds = h.TimeoutSeconds,
                UnhealthyAfter = h.UnhealthyAfter,
                HealthyAfter = h.HealthyAfter,
            }
            : null,
        Backends = pool.Backends.OrderBy(b => b.Position)
            .Select(b => new BackendSpec { Address = b.Address, Weight = b.Weight, Enabled = b.Enabled })
            .ToArray(),
    };

    public static RouteSpec ToSpec(RouteEntity route, IReadOnlyDictionary<int, string> poolNames) => new()
    {
        Name = route.Name,
        Hosts = route.Hosts.ToArray(),
        Path = route.Path,
        Methods = route.Methods.ToArray(),
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
        Targets = route.Targets.OrderBy(t => t.Position)
            .Select(t => new TargetSpec { Pool = poolNames[t.PoolId], Weight = t.Weight })
            .ToArray(),
    };

    public static void Apply(PoolSpec spec, PoolEntity pool)
    {
        pool.Name = spec.Name;
        pool.LoadBalancing = spec.LoadBalancing;
        pool.HealthCheck = spec.HealthCheck is { } h
            ? new HealthCheckSettings
            {
                Path = h.Path,
                IntervalSeconds = h.IntervalSeconds,
                TimeoutSeconds = h.TimeoutSeconds,
                UnhealthyAfter = h.UnhealthyAfter,
                HealthyAfter = h.HealthyAfter,
            }
            : null;

        // Backends are matched by address so that an edit keeps their identity.
        var existing = pool.Backends.ToDictionary(b => b.Address, StringComparer.OrdinalIgnoreCase);
        var kept = new List<BackendEntity>(spec.Backends.Count);
        for (var i = 0; i < spec.Backends.Count; i++)
        {
            var backendSpec = spec.Backends[i];
            var backend = existing.GetValueOrDefault(backendSpec.Address) ?? new BackendEntity();
            backend.Address = backendSpec.Address;
            backend.Weight = backendSpec.Weight;
            backend.Enabled = backendSpec.Enabled;
            backend.Position = i;
            kept.Add(backend);
        }

        pool.Backends.RemoveAll(b => !kept.Contains(b));
        pool.Backends.AddRange(kept.Where(b => !pool.Backends.Contains(b)));
    }

    public static void Apply(RouteSpec spec, RouteEntity route, IReadOnlyDictionary<string, int> poolIds)
    {
        route.Name = spec.Name;
        route.Hosts = spec.Hosts.ToList();
        route.Path = spec.Path;
        route.Methods = spec.Methods.ToList();
        route.Order = spec.Order;
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
        route.Targets.Clear();
        route.Targets.AddRange(spec.Targets.Select((t, i) => new RouteTargetEntity { PoolId = poolIds[t.Pool], Weight = t.Weight, Position = i }));
    }

    public static CacheRuleSpec ToSpec(CacheRuleEntity rule) => new()
    {
        Name = rule.Name,
        Route = rule.Route,
        Match = rule.Match,
        Mode = rule.Mode,
        DefaultTtlSeconds = rule.DefaultTtlSeconds,
        MaxObjectBytes = rule.MaxObjectBytes,
        IncludeQueryString = rule.IncludeQueryString,
    };

    public static void Apply(CacheRuleSpec spec, CacheRuleEntity rule)
    {
        rule.Name = spec.Name;
        rule.Route = spec.Route;
        rule.Match = spec.Match;
        rule.Mode = spec.Mode;
        rule.DefaultTtlSeconds = spec.DefaultTtlSeconds;
        rule.MaxObjectBytes = spec.MaxObjectBytes;
        rule.IncludeQueryString = spec.IncludeQueryString;
    }

    public static AccessListSpec ToSpec(AccessListEntity list) => new()
    {
        Name = list.Name,
        Global = list.Global,
        DefaultAction = list.DefaultAction,
        DenyAction = list.DenyAction,
        Rules = ConfigJson.Deserialize<AccessRuleSpec[]>(list.RulesJson) ?? [],
        BasicAuthUsers = (ConfigJson.Deserialize<StoredBasicAuthUser[]>(list.BasicAuthJson) ?? [])
            .Select(u => new BasicAuthUserSpec { User = u.User, PasswordHash = u.Hash })
            .ToArray(),
    };

    public static void Apply(AccessListSpec spec, AccessListEntity list)
    {
        list.Name = spec.Name;
        list.Global = spec.Global;
        list.DefaultAction = spec.DefaultAction;
        list.DenyAction = spec.DenyAction;
        list.RulesJson = ConfigJson.Serialize(spec.Rules);
        list.BasicAuthJson = ConfigJson.Serialize(spec.BasicAuthUsers.Select(u => new StoredBasicAuthUser(u.User, u.PasswordHash ?? "")).ToArray());
    }

    public static RateLimitSpec ToSpec(RateLimitEntity limit) => new()
    {
        Name = limit.Name,
        Global = limit.Global,
        Permits = limit.Permits,
        PeriodSeconds = limit.PeriodSeconds,
        Burst = limit.Burst,
        MaxConcurrent = limit.MaxConcurrent,
    };

    public static void Apply(RateLimitSpec spec, RateLimitEntity limit)
    {
        limit.Name = spec.Name;
        limit.Global = spec.Global;
        limit.Permits = spec.Permits;
        limit.PeriodSeconds = spec.PeriodSeconds;
        limit.Burst = spec.Burst;
        limit.MaxConcurrent = spec.MaxConcurrent;
    }
}
