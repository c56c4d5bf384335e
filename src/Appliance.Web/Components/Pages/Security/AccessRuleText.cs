using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>
/// An access rule as one line of the form's rules box and the lists' summary: <c>Allow 203.0.113.0/24</c>
/// for an address rule, <c>Deny country FR</c> for a country rule. The word <c>country</c> is the
/// choice between the two, so a rule is read back exactly as it was written.
/// </summary>
public static class AccessRuleText
{
    public const string CountryWord = "country";

    public static string Format(AccessRuleSpec rule) =>
        rule.Country is { } country ? $"{rule.Action} {CountryWord} {country}" : $"{rule.Action} {rule.Cidr}";

    /// <summary>Reads one line; anything unreadable goes to the store as is, which names the field that is wrong.</summary>
    public static AccessRuleSpec Parse(string line)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var action = parts.Length > 0 ? char.ToUpperInvariant(parts[0][0]) + parts[0][1..].ToLowerInvariant() : "";
        if (parts.Length > 1 && string.Equals(parts[1], CountryWord, StringComparison.OrdinalIgnoreCase))
        {
            // "Deny country" alone is a country rule with no country: the store says which is missing.
            return new AccessRuleSpec { Action = action, Country = parts.Length > 2 ? parts[2] : "" };
        }

        return new AccessRuleSpec { Action = action, Cidr = parts.Length > 1 ? string.Join(' ', parts[1..]) : "" };
    }
}
