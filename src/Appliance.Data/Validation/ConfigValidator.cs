using System.Text.RegularExpressions;
using Appliance.Data.Model;

namespace Appliance.Data.Validation;

/// <summary>
/// Checks pools, routes and whole documents. Every rule names the field it is about, so that the
/// API and the forms can show the message next to it. Input is expected to be normalised first.
/// </summary>
public static partial class ConfigValidator
{
    public const int MinWeight = 1;
    public const int MaxWeight = 100;
    public const int MaxBackends = 256;
    public const int MaxTargets = 16;
    public const int MaxHosts = 64;

    /// <summary>Validates one pool; <paramref name="prefix"/> is prepended to field names.</summary>
    public static void ValidatePool(PoolSpec pool, ValidationErrors errors, string prefix = "")
    {
        ValidateName(pool.Name, errors, ValidationErrors.Field(prefix, "name"));

        if (!LoadBalancingPolicyNames.All.Contains(pool.LoadBalancing, StringComparer.Ordinal))
        {
            errors.Add(ValidationErrors.Field(prefix, "loadBalancing"),
                $"Unknown policy '{pool.LoadBalancing}'. Use one of: {string.Join(", ", LoadBalancingPolicyNames.All)}.");
        }

        if (pool.HealthCheck is { } health)
        {
            ValidateHealthCheck(health, errors, ValidationErrors.Field(prefix, "healthCheck"));
        }

        var backendsField = ValidationErrors.Field(prefix, "backends");
        if (pool.Backends is null)
        {
            errors.Add(backendsField, "Backends are required (an empty list is allowed).");
            return;
        }

        if (pool.Backends.Count > MaxBackends)
        {
            errors.Add(backendsField, $"A pool has at most {MaxBackends} backends.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pool.Backends.Count; i++)
        {
            var field = $"{backendsField}[{i}]";
            var backend = pool.Backends[i];
            if (backend is null)
            {
                errors.Add(field, "A backend cannot be null.");
                continue;
            }

            ValidateAddress(backend.Address, errors, $"{field}.address");
            if (backend.Weight is < MinWeight or > MaxWeight)
            {
                errors.Add($"{field}.weight", $"Weight must be between {MinWeight} and {MaxWeight}.");
            }

            if (!string.IsNullOrEmpty(backend.Address) && !seen.Add(backend.Address))
            {
                errors.Add($"{field}.address", $"'{backend.Address}' is already a backend of this pool.");
            }
        }
    }

    /// <summary>Validates one route against the names of the pools that exist.</summary>
    public static void ValidateRoute(RouteSpec route, IReadOnlySet<string> poolNames, ValidationErrors errors, string prefix = "")
    {
        ValidateName(route.Name, errors, ValidationErrors.Field(prefix, "name"));
        ValidateHosts(route.Hosts, errors, ValidationErrors.Field(prefix, "hosts"));
        ValidatePath(route.Path, errors, ValidationErrors.Field(prefix, "path"));
        ValidateMethods(route.Methods, errors, ValidationErrors.Field(prefix, "methods"));
        ValidateTargets(route.Targets, poolNames, errors, ValidationErrors.Field(prefix, "targets"));
        ValidateTls(route, errors, prefix);
    }

    /// <summary>The largest object a rule may let the cache keep.</summary>
    public const long MaxCacheObjectBytes = 64L * 1024 * 1024;

    /// <summary>Validates one cache rule against the names of the routes that exist.</summary>
    public static void ValidateCacheRule(CacheRuleSpec rule, IReadOnlySet<string> routeNames, ValidationErrors errors, string prefix = "")
    {
        ValidateName(rule.Name, errors, ValidationErrors.Field(prefix, "name"));
        if (rule.Route is not null && !routeNames.Contains(rule.Route))
        {
            errors.Add(ValidationErrors.Field(prefix, "route"), $"There is no route named '{rule.Route}'; leave it empty for every route.");
        }

        if (CacheMatchValidator.Problem(rule.Match) is { } matchProblem)
        {
            errors.Add(ValidationErrors.Field(prefix, "match"), matchProblem);
        }

        if (!CacheModes.All.Contains(rule.Mode, StringComparer.Ordinal))
        {
            errors.Add(ValidationErrors.Field(prefix, "mode"), $"Unknown mode '{rule.Mode}'. Use one of: {string.Join(", ", CacheModes.All)}.");
        }

        if (rule.DefaultTtlSeconds is < 1 or > 31_536_000)
        {
            errors.Add(ValidationErrors.Field(prefix, "defaultTtlSeconds"), "The default TTL must be between 1 second and a year (31536000).");
        }

        if (rule.MaxObjectBytes is < 1 or > MaxCacheObjectBytes)
        {
            errors.Add(ValidationErrors.Field(prefix, "maxObjectBytes"), $"The largest object must be between 1 byte and {MaxCacheObjectBytes / 1024 / 1024} MiB.");
        }
    }

    /// <summary>Validates one access list: actions, and every rule's address or CIDR range.</summary>
    public static void ValidateAccessList(AccessListSpec list, ValidationErrors errors, string prefix = "")
    {
        ValidateName(list.Name, errors, ValidationErrors.Field(prefix, "name"));
        if (list.DefaultAction is not (AccessActions.Allow or AccessActions.Deny))
        {
            errors.Add(ValidationErrors.Field(prefix, "defaultAction"), $"Use {AccessActions.Allow} or {AccessActions.Deny}.");
        }

        if (list.DenyAction is not (AccessActions.Forbidden or AccessActions.Drop))
        {
            errors.Add(ValidationErrors.Field(prefix, "denyAction"), $"Use {AccessActions.Forbidden} (a 403 page) or {AccessActions.Drop} (close the connection).");
        }

        var rulesField = ValidationErrors.Field(prefix, "rules");
        if (list.Rules is null)
        {
            errors.Add(rulesField, "Rules are required (an empty list is allowed).");
            return;
        }

        if (list.Rules.Count > 10_000)
        {
            errors.Add(rulesField, "An access list has at most 10000 rules.");
        }

        for (var i = 0; i < list.Rules.Count; i++)
        {
            var rule = list.Rules[i];
            if (rule is null)
            {
                errors.Add($"{rulesField}[{i}]", "A rule cannot be null.");
                continue;
            }

            if (rule.Action is not (AccessActions.Allow or AccessActions.Deny))
            {
                errors.Add($"{rulesField}[{i}].action", $"Use {AccessActions.Allow} or {AccessActions.Deny}.");
            }

            if (!Networking.NetworkRanges.TryParse(rule.Cidr, out _))
            {
                errors.Add($"{rulesField}[{i}].cidr", $"'{rule.Cidr}' is not an IPv4 or IPv6 address or CIDR range such as 203.0.113.0/24 or 2001:db8::/32.");
            }
        }
    }

    /// <summary>Validates one rate limit.</summary>
    public static void ValidateRateLimit(RateLimitSpec limit, ValidationErrors errors, string prefix = "")
    {
        ValidateName(limit.Name, errors, ValidationErrors.Field(prefix, "name"));
        if (limit.Permits is < 1 or > 1_000_000)
        {
            errors.Add(ValidationErrors.Field(prefix, "permits"), "Permits must be between 1 and 1000000.");
        }

        if (limit.PeriodSeconds is < 1 or > 86_400)
        {
            errors.Add(ValidationErrors.Field(prefix, "periodSeconds"), "The period must be between 1 second and a day (86400).");
        }

        if (limit.Burst is < 1 or > 1_000_000)
        {
            errors.Add(ValidationErrors.Field(prefix, "burst"), "Burst must be between 1 and 1000000.");
        }

        if (limit.MaxConcurrent is < 0 or > 100_000)
        {
            errors.Add(ValidationErrors.Field(prefix, "maxConcurrent"), "The concurrency cap must be between 0 (none) and 100000.");
        }
    }

    /// <summary>Validates the host names of an ACME certificate: plain DNS names, no wildcards (they need DNS-01), no ports.</summary>
    public static void ValidateAcmeHostnames(IReadOnlyList<string>? hostnames, ValidationErrors errors, string field = "hostnames")
    {
        if (hostnames is null || hostnames.Count == 0)
        {
            errors.Add(field, "At least one host name is required.");
            return;
        }

        if (hostnames.Count > 100)
        {
            errors.Add(field, "An ACME certificate covers at most 100 host names.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < hostnames.Count; i++)
        {
            var host = hostnames[i];
            if (host.StartsWith("*.", StringComparison.Ordinal))
            {
                errors.Add($"{field}[{i}]", $"'{host}' is a wildcard: ACME issues wildcard certificates only over DNS-01, which the appliance does not do. Upload a wildcard certificate or list the host names.");
            }
            else if (!HostPattern().IsMatch(host) || host.Contains(':', StringComparison.Ordinal))
            {
                errors.Add($"{field}[{i}]", $"'{host}' is not a host name such as app.example.com.");
            }
            else if (!seen.Add(host))
            {
                errors.Add($"{field}[{i}]", $"'{host}' is listed twice.");
            }
        }
    }

    /// <summary>A route's access list and rate limit must name ones that exist.</summary>
    public static void ValidateRouteReferences(RouteSpec? route, IReadOnlySet<string> accessLists, IReadOnlySet<string> rateLimits, ValidationErrors errors, string prefix = "")
    {
        if (route?.AccessList is { } list && !accessLists.Contains(list))
        {
            errors.Add(ValidationErrors.Field(prefix, "accessList"), $"There is no access list named '{list}'.");
        }

        if (route?.RateLimit is { } limit && !rateLimits.Contains(limit))
        {
            errors.Add(ValidationErrors.Field(prefix, "rateLimit"), $"There is no rate limit named '{limit}'.");
        }
    }

    /// <summary>The longest HSTS max-age accepted: two years, what the preload list asks for.</summary>
    public const int MaxHstsMaxAgeSeconds = 63_072_000;

    private static void ValidateTls(RouteSpec route, ValidationErrors errors, string prefix)
    {
        if (route.Tls is not (TlsModes.Off or TlsModes.Auto) && !Slug.IsValid(route.Tls))
        {
            errors.Add(ValidationErrors.Field(prefix, "tls"), $"Use \"{TlsModes.Off}\", \"{TlsModes.Auto}\" or the name of a certificate.");
        }

        if (route.Tls == TlsModes.Auto)
        {
            if (route.Hosts is { Count: 0 })
            {
                errors.Add(ValidationErrors.Field(prefix, "tls"), "An automatic certificate needs the route's host names; add at least one host.");
            }
            else if (route.Hosts?.FirstOrDefault(h => h.StartsWith("*.", StringComparison.Ordinal)) is { } wildcard)
            {
                errors.Add(ValidationErrors.Field(prefix, "tls"),
                    $"'{wildcard}' is a wildcard: ACME issues wildcard certificates only over DNS-01, which the appliance does not do. Upload a wildcard certificate or list the host names.");
            }
        }

        if (route.ContentSecurityPolicy is { } csp && (csp.Length > 4096 || csp.Any(c => c < 0x20 || c > 0x7E)))
        {
            errors.Add(ValidationErrors.Field(prefix, "contentSecurityPolicy"), "A Content-Security-Policy is at most 4096 printable ASCII characters, on one line.");
        }

        if (route.MaxRequestBodyBytes is < 0 or > 16L * 1024 * 1024 * 1024)
        {
            errors.Add(ValidationErrors.Field(prefix, "maxRequestBodyBytes"), "The largest request body must be between 0 and 16 GiB, or null for the global limit.");
        }

        if (route.HstsMaxAgeSeconds is < 0 or > MaxHstsMaxAgeSeconds)
        {
            errors.Add(ValidationErrors.Field(prefix, "hstsMaxAgeSeconds"), $"HSTS max-age must be between 0 (no header) and {MaxHstsMaxAgeSeconds} seconds (two years).");
        }
    }

    /// <summary>Validates a whole configuration: each pool and route, unique names, and that every target names a pool.</summary>
    public static ValidationErrors ValidateDocument(ConfigDocument document)
    {
        var errors = new ValidationErrors();
        if (document.Pools is null)
        {
            errors.Add("pools", "Pools are required (an empty list is allowed).");
        }

        if (document.Routes is null)
        {
            errors.Add("routes", "Routes are required (an empty list is allowed).");
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        var poolNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Pools!.Count; i++)
        {
            var pool = document.Pools[i];
            if (pool is null)
            {
                errors.Add($"pools[{i}]", "A pool cannot be null.");
                continue;
            }

            ValidatePool(pool, errors, $"pools[{i}]");
            if (!string.IsNullOrEmpty(pool.Name) && !poolNames.Add(pool.Name))
            {
                errors.Add($"pools[{i}].name", $"A pool named '{pool.Name}' appears more than once.");
            }
        }

        var routeNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Routes!.Count; i++)
        {
            var route = document.Routes[i];
            if (route is null)
            {
                errors.Add($"routes[{i}]", "A route cannot be null.");
                continue;
            }

            ValidateRoute(route, poolNames, errors, $"routes[{i}]");
            if (!string.IsNullOrEmpty(route.Name) && !routeNames.Add(route.Name))
            {
                errors.Add($"routes[{i}].name", $"A route named '{route.Name}' appears more than once.");
            }
        }

        var accessListNames = new HashSet<string>(StringComparer.Ordinal);
        var accessLists = document.AccessLists ?? [];
        for (var i = 0; i < accessLists.Count; i++)
        {
            if (accessLists[i] is not { } list)
            {
                errors.Add($"accessLists[{i}]", "An access list cannot be null.");
                continue;
            }

            ValidateAccessList(list, errors, $"accessLists[{i}]");
            if (!string.IsNullOrEmpty(list.Name) && !accessListNames.Add(list.Name))
            {
                errors.Add($"accessLists[{i}].name", $"An access list named '{list.Name}' appears more than once.");
            }
        }

        var rateLimitNames = new HashSet<string>(StringComparer.Ordinal);
        var rateLimits = document.RateLimits ?? [];
        for (var i = 0; i < rateLimits.Count; i++)
        {
            if (rateLimits[i] is not { } limit)
            {
                errors.Add($"rateLimits[{i}]", "A rate limit cannot be null.");
                continue;
            }

            ValidateRateLimit(limit, errors, $"rateLimits[{i}]");
            if (!string.IsNullOrEmpty(limit.Name) && !rateLimitNames.Add(limit.Name))
            {
                errors.Add($"rateLimits[{i}].name", $"A rate limit named '{limit.Name}' appears more than once.");
            }
        }

        for (var i = 0; i < document.Routes.Count; i++)
        {
            ValidateRouteReferences(document.Routes[i], accessListNames, rateLimitNames, errors, $"routes[{i}]");
        }

        var cacheRules = document.CacheRules ?? [];
        var cacheRuleNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cacheRules.Count; i++)
        {
            if (cacheRules[i] is not { } rule)
            {
                errors.Add($"cacheRules[{i}]", "A cache rule cannot be null.");
                continue;
            }

            ValidateCacheRule(rule, routeNames, errors, $"cacheRules[{i}]");
            if (!string.IsNullOrEmpty(rule.Name) && !cacheRuleNames.Add(rule.Name))
            {
                errors.Add($"cacheRules[{i}].name", $"A cache rule named '{rule.Name}' appears more than once.");
            }
        }

        return errors;
    }

    private static void ValidateName(string name, ValidationErrors errors, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(field, "A name is required.");
        }
        else if (!Slug.IsValid(name))
        {
            errors.Add(field, "Use 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit.");
        }
    }

    private static void ValidateHealthCheck(HealthCheckSpec health, ValidationErrors errors, string prefix)
    {
        if (string.IsNullOrEmpty(health.Path) || !health.Path.StartsWith('/') || health.Path.Contains('#', StringComparison.Ordinal)
            || health.Path.Any(char.IsWhiteSpace))
        {
            errors.Add($"{prefix}.path", "The probe path must start with '/' and contain no spaces or '#'.");
        }

        if (health.IntervalSeconds is < 1 or > 3600)
        {
            errors.Add($"{prefix}.intervalSeconds", "The interval must be between 1 and 3600 seconds.");
        }

        if (health.TimeoutSeconds < 1 || health.TimeoutSeconds > Math.Max(1, health.IntervalSeconds))
        {
            errors.Add($"{prefix}.timeoutSeconds", "The timeout must be at least 1 second and no longer than the interval.");
        }

        if (health.UnhealthyAfter is < 1 or > 100)
        {
            errors.Add($"{prefix}.unhealthyAfter", "Failures before unhealthy must be between 1 and 100.");
        }

        if (health.HealthyAfter is < 1 or > 100)
        {
            errors.Add($"{prefix}.healthyAfter", "Successes before healthy must be between 1 and 100.");
        }
    }

    private static void ValidateAddress(string address, ValidationErrors errors, string field)
    {
        if (string.IsNullOrEmpty(address))
        {
            errors.Add(field, "An address is required, e.g. http://10.0.0.5:8080.");
            return;
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add(field, $"'{address}' is not an absolute http:// or https:// URL.");
            return;
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            errors.Add(field, "The address must not contain credentials, a query or a fragment.");
        }
    }

    private static void ValidateHosts(IReadOnlyList<string> hosts, ValidationErrors errors, string field)
    {
        if (hosts is null)
        {
            errors.Add(field, "Hosts are required (an empty list matches any host).");
            return;
        }

        if (hosts.Count > MaxHosts)
        {
            errors.Add(field, $"A route has at most {MaxHosts} hosts.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < hosts.Count; i++)
        {
            if (!HostPattern().IsMatch(hosts[i]))
            {
                errors.Add($"{field}[{i}]", $"'{hosts[i]}' is not a host name; use example.com, *.example.com or host:port.");
            }
            else if (!seen.Add(hosts[i]))
            {
                errors.Add($"{field}[{i}]", $"'{hosts[i]}' is listed twice.");
            }
        }
    }

    private static void ValidatePath(string path, ValidationErrors errors, string field)
    {
        if (string.IsNullOrEmpty(path) || !PathPattern().IsMatch(path)
            || path.Split('/').Any(segment => segment is "." or ".."))
        {
            errors.Add(field, "The path must be a prefix such as / or /api/v1: it starts with '/', and has no '//', '.', '..', '%', '?', '#', '{' or '}'.");
        }
    }

    private static void ValidateMethods(IReadOnlyList<string> methods, ValidationErrors errors, string field)
    {
        if (methods is null)
        {
            errors.Add(field, "Methods are required (an empty list matches any method).");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < methods.Count; i++)
        {
            if (!MethodPattern().IsMatch(methods[i]))
            {
                errors.Add($"{field}[{i}]", $"'{methods[i]}' is not an HTTP method.");
            }
            else if (!seen.Add(methods[i]))
            {
                errors.Add($"{field}[{i}]", $"'{methods[i]}' is listed twice.");
            }
        }
    }

    private static void ValidateTargets(IReadOnlyList<TargetSpec> targets, IReadOnlySet<string> poolNames, ValidationErrors errors, string field)
    {
        if (targets is null || targets.Count == 0)
        {
            errors.Add(field, "At least one target is required.");
            return;
        }

        if (targets.Count > MaxTargets)
        {
            errors.Add(field, $"A route has at most {MaxTargets} targets.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (target is null)
            {
                errors.Add($"{field}[{i}]", "A target cannot be null.");
                continue;
            }

            if (string.IsNullOrEmpty(target.Pool))
            {
                errors.Add($"{field}[{i}].pool", "A pool is required.");
            }
            else if (!poolNames.Contains(target.Pool))
            {
                errors.Add($"{field}[{i}].pool", $"There is no pool named '{target.Pool}'.");
            }
            else if (!seen.Add(target.Pool))
            {
                errors.Add($"{field}[{i}].pool", $"Pool '{target.Pool}' is already a target of this route.");
            }

            if (target.Weight is < 0 or > MaxWeight)
            {
                errors.Add($"{field}[{i}].weight", $"Weight must be between 0 and {MaxWeight}.");
            }
            else
            {
                total += target.Weight;
            }
        }

        if (total == 0)
        {
            errors.Add(field, "The targets' weights must add up to more than 0.");
        }
    }

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^/([A-Za-z0-9\-._~!$&'()*+,;=:@]+(/[A-Za-z0-9\-._~!$&'()*+,;=:@]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();

    [GeneratedRegex("^[A-Z]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex MethodPattern();
}
