using System.Text.RegularExpressions;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>A route's header, query and cookie conditions: named, with a known mode and the values it needs.</summary>
internal sealed partial class RouteConditionsValidator : IConfigValidator<RouteSpec>
{
    public const int MaxConditions = 16;
    public const int MaxValues = 16;
    public const int MaxLength = 1024;

    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        // Header and cookie names are RFC 9110 tokens; a query parameter name is anything but empty.
        Check("headers", route.Headers, TokenPattern(), StringComparer.OrdinalIgnoreCase, errors);
        Check("query", route.Query, null, StringComparer.OrdinalIgnoreCase, errors);
        Check("cookies", route.Cookies, TokenPattern(), StringComparer.Ordinal, errors);
    }

    private static void Check(string field, IReadOnlyList<MatchConditionSpec> conditions, Regex? namePattern, StringComparer names, ValidationErrors errors)
    {
        if (conditions is null)
        {
            errors.Add(field, "Conditions are required (an empty list adds none).");
            return;
        }

        if (conditions.Count > MaxConditions)
        {
            errors.Add(field, $"A route has at most {MaxConditions} conditions of each kind.");
        }

        var seen = new HashSet<string>(names);
        for (var i = 0; i < conditions.Count; i++)
        {
            var at = $"{field}[{i}]";
            var condition = conditions[i];
            if (condition is null)
            {
                errors.Add(at, "A condition cannot be null.");
                continue;
            }

            if (string.IsNullOrEmpty(condition.Name) || condition.Name.Length > MaxLength || (namePattern is not null && !namePattern.IsMatch(condition.Name)))
            {
                errors.Add($"{at}.name", namePattern is null ? "A name is required." : $"'{condition.Name}' is not a valid name (letters, digits and !#$%&'*+-.^_`|~).");
            }
            else if (!seen.Add(condition.Name))
            {
                errors.Add($"{at}.name", $"'{condition.Name}' already has a condition; put its values in that one.");
            }

            if (!MatchModes.All.Contains(condition.Mode, StringComparer.Ordinal))
            {
                errors.Add($"{at}.mode", $"The mode must be one of {string.Join(", ", MatchModes.All)}.");
                continue;
            }

            CheckValues(at, condition, errors);
        }
    }

    private static void CheckValues(string at, MatchConditionSpec condition, ValidationErrors errors)
    {
        if (condition.Values is null)
        {
            errors.Add($"{at}.values", "Values are required (an empty list for Exists and NotExists).");
        }
        else if (MatchModes.IgnoresValues(condition.Mode))
        {
            // Ignored, as the issue has it; nothing to check.
        }
        else if (condition.Values.Count is 0 or > MaxValues)
        {
            errors.Add($"{at}.values", $"{condition.Mode} needs between 1 and {MaxValues} values.");
        }
        else if (condition.Values.Any(v => string.IsNullOrEmpty(v) || v.Length > MaxLength || v.Any(char.IsControl)))
        {
            errors.Add($"{at}.values", $"Values must be non-empty, at most {MaxLength} characters, without control characters.");
        }
    }

    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
