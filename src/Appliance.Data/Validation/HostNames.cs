using System.Text.RegularExpressions;

namespace Appliance.Data.Validation;

/// <summary>The shape of a host name as routes and certificates accept it (normalised to lower case first).</summary>
internal static partial class HostNames
{
    /// <summary><c>example.com</c>, <c>*.example.com</c> or <c>host:port</c>.</summary>
    public static bool IsValid(string? host) => host is not null && Pattern().IsMatch(host);

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
