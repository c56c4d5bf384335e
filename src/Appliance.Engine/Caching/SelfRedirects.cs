using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching;

/// <summary>
/// Redirects that lead back to the URL they answer. An origin answers so when it was sent another
/// request than the client's (a forced-HTTPS application that got no X-Forwarded-Proto: https);
/// stored, such an answer would send every client round a loop, each turn served from the store,
/// until it expired.
/// </summary>
internal static class SelfRedirects
{
    /// <summary>The Cache-Status detail of a response refused for leading back to itself.</summary>
    public const string Refusal = "self-redirect";

    /// <summary>
    /// Whether following <paramref name="location"/> reaches the entry stored under <paramref name="key"/>
    /// again: same scheme, host and port, same path, and the same query if the rule keys on it.
    /// </summary>
    public static bool LeadsBack(int statusCode, StringValues location, string key, bool includeQuery)
    {
        if (statusCode is < 300 or >= 400 or StatusCodes.Status304NotModified
            || location.ToString() is not { Length: > 0 } reference
            || !Uri.TryCreate(key, UriKind.Absolute, out var self)
            || !Uri.TryCreate(self, reference, out var target))
        {
            return false;
        }

        return Uri.Compare(target, self, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0
            && string.Equals(target.AbsolutePath, self.AbsolutePath, StringComparison.Ordinal)
            && (!includeQuery || string.Equals(target.Query, self.Query, StringComparison.Ordinal));
    }
}
