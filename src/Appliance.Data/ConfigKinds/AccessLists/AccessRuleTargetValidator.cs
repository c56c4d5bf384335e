using Appliance.Data.Model;
using Appliance.Data.Networking;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.AccessLists;

/// <summary>
/// What one access rule matches: an address or CIDR range, or a country, never both and never
/// neither. A country is a two-letter ISO 3166-1 code (the normaliser upper-cases it), and only a
/// configured country database can look it up, so without one a country rule is refused rather
/// than stored to match nothing.
/// </summary>
internal static class AccessRuleTargetValidator
{
    public static void Check(AccessRuleSpec rule, string path, ConfigValidationContext context, ValidationErrors errors)
    {
        if (rule.Cidr is null && rule.Country is null)
        {
            errors.Add($"{path}.cidr", "Give an IPv4 or IPv6 address or CIDR range (203.0.113.0/24), or a country (country: \"FR\").");
            return;
        }

        if (rule.Cidr is not null && rule.Country is not null)
        {
            errors.Add($"{path}.country", "A rule names an address range or a country, not both: split it into two rules.");
            return;
        }

        if (rule.Cidr is not null)
        {
            if (!NetworkRanges.TryParse(rule.Cidr, out _))
            {
                errors.Add($"{path}.cidr", $"'{rule.Cidr}' is not an IPv4 or IPv6 address or CIDR range such as 203.0.113.0/24 or 2001:db8::/32.");
            }

            return;
        }

        if (!IsCountryCode(rule.Country!))
        {
            errors.Add($"{path}.country", $"'{rule.Country}' is not a two-letter ISO 3166-1 country code such as FR or JP.");
        }
        else if (context.CountryRulesRefusal is { } refusal)
        {
            errors.Add($"{path}.country", refusal);
        }
    }

    private static bool IsCountryCode(string code) => code.Length == 2 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]);
}
