using System.Text.RegularExpressions;

namespace Appliance.Data.Model;

/// <summary>Names of pools and routes: lower-case letters, digits and dashes, starting with a letter or digit.</summary>
public static partial class Slug
{
    /// <summary>True when <paramref name="value"/> is a valid name.</summary>
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
