using Appliance.Data.ConfigKinds;
using Appliance.Data.Model;

namespace Appliance.Data.Validation;

/// <summary>
/// Puts equivalent spellings into one form before validation and storage, so that
/// <c>Example.TEST</c> and <c>example.test</c>, or <c>/api/</c> and <c>/api</c>, are one route.
/// </summary>
public static class ConfigNormalizer
{
    /// <summary>Normalises a pool.</summary>
    public static PoolSpec Normalize(PoolSpec pool) => pool with
    {
        Name = pool.Name?.Trim() ?? "",
        LoadBalancing = pool.LoadBalancing?.Trim() ?? "",
        // No path (null, or left empty) is a TCP connect probe.
        HealthCheck = pool.HealthCheck is null ? null : pool.HealthCheck with { Path = string.IsNullOrWhiteSpace(pool.HealthCheck.Path) ? null : pool.HealthCheck.Path.Trim() },
        Backends = pool.Backends?.Select(b => b is null ? null! : b with { Address = NormalizeAddress(b.Address) }).ToArray() ?? null!,
    };

    /// <summary>Normalises a route.</summary>
    public static RouteSpec Normalize(RouteSpec route) => route with
    {
        Name = route.Name?.Trim() ?? "",
        Hosts = route.Hosts?.Select(h => h?.Trim().ToLowerInvariant() ?? "").ToArray() ?? null!,
        Path = NormalizePath(route.Path),
        Methods = route.Methods?.Select(m => m?.Trim().ToUpperInvariant() ?? "").ToArray() ?? null!,
        Targets = route.Targets?.Select(t => t is null ? null! : t with { Pool = t.Pool?.Trim() ?? "" }).ToArray() ?? null!,
        Headers = NormalizeConditions(route.Headers),
        Query = NormalizeConditions(route.Query),
        Cookies = NormalizeConditions(route.Cookies),
        RewritePath = string.IsNullOrWhiteSpace(route.RewritePath) ? null : NormalizePath(route.RewritePath),
        Redirect = route.Redirect is null ? null : route.Redirect with { Location = route.Redirect.Location?.Trim() ?? "" },
        Mirror = route.Mirror is null ? null : route.Mirror with { Pool = route.Mirror.Pool?.Trim() ?? "" },
        Tls = string.IsNullOrWhiteSpace(route.Tls) ? TlsModes.Off : route.Tls.Trim(),
        AccessList = string.IsNullOrWhiteSpace(route.AccessList) ? null : route.AccessList.Trim(),
        RateLimit = string.IsNullOrWhiteSpace(route.RateLimit) ? null : route.RateLimit.Trim(),
        ContentSecurityPolicy = string.IsNullOrWhiteSpace(route.ContentSecurityPolicy) ? null : route.ContentSecurityPolicy.Trim(),
        RequestHeaders = NormalizeHeaderRules(route.RequestHeaders),
        ResponseHeaders = NormalizeHeaderRules(route.ResponseHeaders),
        Maintenance = route.Maintenance is null
            ? new MaintenanceSpec()
            : route.Maintenance with { Allow = route.Maintenance.Allow?.Select(a => a?.Trim() ?? "").ToArray() ?? null! },
        Challenge = route.Challenge is null
            ? new ChallengeSpec()
            : route.Challenge with { Mode = ChallengeModes.All.FirstOrDefault(m => string.Equals(m, route.Challenge.Mode?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? route.Challenge.Mode?.Trim() ?? "" },
    };

    /// <summary>Normalises a custom error page; its HTML is kept exactly as given.</summary>
    public static ErrorPageSpec Normalize(ErrorPageSpec page) => page with
    {
        Name = page.Name?.Trim() ?? "",
        Route = string.IsNullOrWhiteSpace(page.Route) ? null : page.Route.Trim(),
        Html = page.Html ?? "",
    };

    /// <summary>Normalises a cache rule.</summary>
    public static CacheRuleSpec Normalize(CacheRuleSpec rule) => rule with
    {
        Name = rule.Name?.Trim() ?? "",
        Route = string.IsNullOrWhiteSpace(rule.Route) ? null : rule.Route.Trim(),
        Match = rule.Match?.Trim() ?? "",
        Mode = rule.Mode?.Trim() ?? "",
    };

    /// <summary>Normalises an access list.</summary>
    public static AccessListSpec Normalize(AccessListSpec list) => list with
    {
        Name = list.Name?.Trim() ?? "",
        Rules = list.Rules?.Select(r => r is null ? null! : Normalize(r)).ToArray() ?? null!,
    };

    /// <summary>Normalises an access rule: a blank address or country is none, a country code is upper-cased.</summary>
    public static AccessRuleSpec Normalize(AccessRuleSpec rule) => rule with
    {
        Action = rule.Action?.Trim() ?? "",
        Cidr = string.IsNullOrWhiteSpace(rule.Cidr) ? null : rule.Cidr.Trim(),
        Country = string.IsNullOrWhiteSpace(rule.Country) ? null : rule.Country.Trim().ToUpperInvariant(),
    };

    /// <summary>Normalises a rate limit.</summary>
    public static RateLimitSpec Normalize(RateLimitSpec limit) => limit with { Name = limit.Name?.Trim() ?? "" };

    /// <summary>Normalises a stream: SNI hosts in lower case, without a trailing dot, as a ClientHello is compared.</summary>
    public static StreamSpec Normalize(StreamSpec stream) => stream with
    {
        Name = stream.Name?.Trim() ?? "",
        SniHosts = stream.SniHosts?.Select(h => h?.Trim().TrimEnd('.').ToLowerInvariant() ?? "").ToArray() ?? null!,
        Pool = stream.Pool?.Trim() ?? "",
        AccessList = string.IsNullOrWhiteSpace(stream.AccessList) ? null : stream.AccessList.Trim(),
    };

    /// <summary>Normalises an alert channel: names, addresses and hosts trimmed, the security mode in its one spelling.</summary>
    public static AlertChannelSpec Normalize(AlertChannelSpec channel) => channel with
    {
        Name = channel.Name?.Trim() ?? "",
        Webhook = channel.Webhook is { } webhook ? webhook with { Url = webhook.Url?.Trim() ?? "" } : null,
        Email = channel.Email is { } email ? email with
        {
            Host = email.Host?.Trim() ?? "",
            Security = EmailSecurity.All.FirstOrDefault(m => string.Equals(m, email.Security?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? email.Security ?? "",
            UserName = string.IsNullOrWhiteSpace(email.UserName) ? null : email.UserName.Trim(),
            From = email.From?.Trim() ?? "",
            To = email.To?.Select(a => a?.Trim() ?? "").ToArray() ?? null!,
        } : null,
    };

    /// <summary>Normalises an alert rule: channel names trimmed, events in their one spelling.</summary>
    public static AlertRuleSpec Normalize(AlertRuleSpec rule) => rule with
    {
        Name = rule.Name?.Trim() ?? "",
        Events = rule.Events?.Select(e => AlertEvents.All.FirstOrDefault(known => string.Equals(known, e?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? e ?? "").ToArray() ?? null!,
        Channels = rule.Channels?.Select(c => c?.Trim() ?? "").ToArray() ?? null!,
    };

    /// <summary>Normalises a ban rule: name and paths trimmed, a trailing slash on a path dropped (it is ignored when matching).</summary>
    public static BanRuleSpec Normalize(BanRuleSpec rule) => rule with
    {
        Name = rule.Name?.Trim() ?? "",
        Statuses = rule.Statuses ?? null!,
        Paths = rule.Paths?.Select(p => p?.Trim() is { Length: > 1 } path && path.EndsWith('/') && !path.EndsWith("//", StringComparison.Ordinal) ? path[..^1] : p?.Trim() ?? "").ToArray() ?? null!,
    };

    /// <summary>Normalises every object of a document; a missing optional list becomes empty.</summary>
    public static ConfigDocument Normalize(ConfigDocument document) =>
        Kinds.All.Aggregate(document, (normalized, kind) => kind.Normalize(normalized));

    // Names are trimmed; values are compared as given, so they are left alone. Modes are matched
    // case-insensitively on input and stored in their one spelling.
    private static MatchConditionSpec[] NormalizeConditions(IReadOnlyList<MatchConditionSpec>? conditions) =>
        conditions?.Select(c => c is null ? null! : c with
        {
            Name = c.Name?.Trim() ?? "",
            Mode = MatchModes.All.FirstOrDefault(m => string.Equals(m, c.Mode?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? c.Mode ?? "",
        }).ToArray() ?? null!;

    // A missing side changes nothing. Names are trimmed (a value is sent as given); a name left
    // empty or doubled by trimming is for the validator to name.
    private static HeaderRulesSpec NormalizeHeaderRules(HeaderRulesSpec? rules)
    {
        if (rules is null)
        {
            return new HeaderRulesSpec();
        }

        Dictionary<string, string>? set = null;
        if (rules.Set is not null)
        {
            set = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in rules.Set)
            {
                set.TryAdd(name?.Trim() ?? "", value!);
            }
        }

        return rules with
        {
            Set = set!,
            Remove = rules.Remove?.Select(n => n?.Trim() ?? "").ToArray() ?? null!,
        };
    }

    private static string NormalizePath(string? path)
    {
        var trimmed = path?.Trim() ?? "";
        if (trimmed.Length <= 1)
        {
            return trimmed;
        }

        var withoutTrailingSlash = trimmed.TrimEnd('/');
        return withoutTrailingSlash.Length == 0 ? "/" : withoutTrailingSlash;
    }

    // Only a well-formed address is rewritten; anything else is left for the validator to name.
    private static string NormalizeAddress(string? address)
    {
        var trimmed = address?.Trim() ?? "";
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return trimmed;
        }

        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
    }
}
