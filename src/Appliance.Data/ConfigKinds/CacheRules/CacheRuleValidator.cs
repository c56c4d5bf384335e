using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.CacheRules;

/// <summary>A cache rule: its route (when it names one) exists, its match is one the data plane tests cheaply, its bounds are sane.</summary>
internal sealed class CacheRuleValidator : IConfigValidator<CacheRuleSpec>
{
    /// <summary>The largest object a rule may let the cache keep.</summary>
    public const long MaxObjectBytes = 64L * 1024 * 1024;

    public void Validate(CacheRuleSpec rule, ConfigValidationContext context, ValidationErrors errors)
    {
        NameRule.Check(rule.Name, errors);
        if (rule.Route is not null && context.IsMissing<RouteSpec>(rule.Route))
        {
            errors.Add("route", $"There is no route named '{rule.Route}'; leave it empty for every route.");
        }

        if (CacheMatchValidator.Problem(rule.Match) is { } matchProblem)
        {
            errors.Add("match", matchProblem);
        }

        if (!CacheModes.All.Contains(rule.Mode, StringComparer.Ordinal))
        {
            errors.Add("mode", $"Unknown mode '{rule.Mode}'. Use one of: {string.Join(", ", CacheModes.All)}.");
        }

        if (rule.DefaultTtlSeconds is < 1 or > 31_536_000)
        {
            errors.Add("defaultTtlSeconds", "The default TTL must be between 1 second and a year (31536000).");
        }

        if (rule.MaxObjectBytes is < 1 or > MaxObjectBytes)
        {
            errors.Add("maxObjectBytes", $"The largest object must be between 1 byte and {MaxObjectBytes / 1024 / 1024} MiB.");
        }

        if (rule.HeuristicMaxSeconds is < 0 or > 31_536_000)
        {
            errors.Add("heuristicMaxSeconds", "The heuristic freshness cap must be between 0 (off) and a year (31536000) seconds.");
        }
    }
}
