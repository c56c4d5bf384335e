using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.BanRules;

/// <summary>A ban rule's statuses and path patterns (at least one of either, each once) and its bounds.</summary>
internal sealed class BanRuleValidator : IConfigValidator<BanRuleSpec>
{
    public const int MaxStatuses = 50;
    public const int MaxPaths = 200;
    public const int MaxThreshold = 100_000;
    public const int MaxWindowSeconds = 86_400;
    public const int MaxBanSeconds = 30 * 86_400;

    public void Validate(BanRuleSpec rule, ConfigValidationContext context, ValidationErrors errors)
    {
        NameRule.Check(rule.Name, errors);
        if (rule.Statuses is null)
        {
            errors.Add("statuses", "Statuses are required (an empty list is allowed when paths are given).");
        }

        if (rule.Paths is null)
        {
            errors.Add("paths", "Paths are required (an empty list is allowed when statuses are given).");
        }

        if (rule.Statuses is { Count: 0 } && rule.Paths is { Count: 0 })
        {
            errors.Add("statuses", "Name at least one status or one path: a rule that matches nothing bans nobody.");
        }

        CheckStatuses(rule.Statuses ?? [], errors);
        CheckPaths(rule.Paths ?? [], errors);
        if (rule.Threshold is < 1 or > MaxThreshold)
        {
            errors.Add("threshold", $"Use 1 to {MaxThreshold} answers.");
        }

        if (rule.WindowSeconds is < 1 or > MaxWindowSeconds)
        {
            errors.Add("windowSeconds", $"Use 1 to {MaxWindowSeconds} seconds (a day).");
        }

        if (rule.BanSeconds is < 1 or > MaxBanSeconds)
        {
            errors.Add("banSeconds", $"Use 1 to {MaxBanSeconds} seconds (30 days).");
        }
    }

    private static void CheckStatuses(IReadOnlyList<int> statuses, ValidationErrors errors)
    {
        if (statuses.Count > MaxStatuses)
        {
            errors.Add("statuses", $"A rule names at most {MaxStatuses} statuses.");
            return;
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < statuses.Count; i++)
        {
            if (statuses[i] is < 100 or > 599)
            {
                errors.Add($"statuses[{i}]", $"{statuses[i]} is not an HTTP status; use 100 to 599.");
            }
            else if (!seen.Add(statuses[i]))
            {
                errors.Add($"statuses[{i}]", $"{statuses[i]} is listed twice.");
            }
        }
    }

    private static void CheckPaths(IReadOnlyList<string> paths, ValidationErrors errors)
    {
        if (paths.Count > MaxPaths)
        {
            errors.Add("paths", $"A rule names at most {MaxPaths} paths.");
            return;
        }

        // Case-insensitively, as they match: '/.ENV' is '/.env' listed again.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < paths.Count; i++)
        {
            if (BanPathPattern.Problem(paths[i]) is { } problem)
            {
                errors.Add($"paths[{i}]", problem);
            }
            else if (!seen.Add(paths[i]))
            {
                errors.Add($"paths[{i}]", $"'{paths[i]}' is listed twice.");
            }
        }
    }
}
