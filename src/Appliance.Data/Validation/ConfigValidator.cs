using Appliance.Data.ConfigKinds;
using Appliance.Data.ConfigKinds.CacheRules;
using Appliance.Data.ConfigKinds.Pools;
using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;

namespace Appliance.Data.Validation;

/// <summary>
/// Validates one object, or a whole document, without a database: the same per-kind validators
/// that the store composes for every change. Every rule names the field it is about, so that the
/// API and the forms can show the message next to it. Input is expected to be normalised first.
/// </summary>
public static class ConfigValidator
{
    public const int MinWeight = BackendsValidator.MinWeight;
    public const int MaxWeight = BackendsValidator.MaxWeight;
    public const int MaxBackends = BackendsValidator.MaxBackends;
    public const int MaxTargets = RouteTargetsValidator.MaxTargets;
    public const int MaxHosts = RouteMatchValidator.MaxHosts;

    /// <summary>The largest object a rule may let the cache keep.</summary>
    public const long MaxCacheObjectBytes = CacheRuleValidator.MaxObjectBytes;

    /// <summary>The longest HSTS max-age accepted: two years, what the preload list asks for.</summary>
    public const int MaxHstsMaxAgeSeconds = RouteHardeningValidator.MaxHstsMaxAgeSeconds;

    /// <summary>Validates one pool; <paramref name="prefix"/> is prepended to field names.</summary>
    public static void ValidatePool(PoolSpec pool, ValidationErrors errors, string prefix = "") =>
        ValidateOne(Kinds.Pools, pool, ConfigValidationContext.Alone, errors, prefix);

    /// <summary>Validates one route against the names of the pools that exist (its other references are not checked).</summary>
    public static void ValidateRoute(RouteSpec route, IReadOnlySet<string> poolNames, ValidationErrors errors, string prefix = "") =>
        ValidateOne(Kinds.Routes, route, ConfigValidationContext.Knowing<PoolSpec>(poolNames), errors, prefix);

    /// <summary>Validates one cache rule against the names of the routes that exist.</summary>
    public static void ValidateCacheRule(CacheRuleSpec rule, IReadOnlySet<string> routeNames, ValidationErrors errors, string prefix = "") =>
        ValidateOne(Kinds.CacheRules, rule, ConfigValidationContext.Knowing<RouteSpec>(routeNames), errors, prefix);

    /// <summary>Validates one access list: actions, and every rule's address or CIDR range.</summary>
    public static void ValidateAccessList(AccessListSpec list, ValidationErrors errors, string prefix = "") =>
        ValidateOne(Kinds.AccessLists, list, ConfigValidationContext.Alone, errors, prefix);

    /// <summary>Validates one rate limit.</summary>
    public static void ValidateRateLimit(RateLimitSpec limit, ValidationErrors errors, string prefix = "") =>
        ValidateOne(Kinds.RateLimits, limit, ConfigValidationContext.Alone, errors, prefix);

    /// <summary>Validates the host names of an ACME certificate: plain DNS names, no wildcards (they need DNS-01), no ports.</summary>
    public static void ValidateAcmeHostnames(IReadOnlyList<string>? hostnames, ValidationErrors errors, string field = "hostnames") =>
        Certificates.AcmeHostnames.Validate(hostnames, errors, field);

    /// <summary>Validates a whole configuration: every object in the context of the others, and unique names per kind.</summary>
    public static ValidationErrors ValidateDocument(ConfigDocument document) => DocumentValidator.ValidateDocument(document);

    private static void ValidateOne<TSpec>(ConfigKind<TSpec> kind, TSpec spec, ConfigValidationContext context, ValidationErrors errors, string prefix)
        where TSpec : class
    {
        var own = new ValidationErrors();
        kind.ValidateOne(spec, context, own);
        errors.AddAll(own, prefix);
    }
}
