using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching;

/// <summary>
/// Which stored variant of a URL answers a request (RFC 9111 §4.1): the one whose request headers
/// named by Vary had the values this request has. A variant is found by a key made of those values.
/// </summary>
internal static class CacheVariants
{
    /// <summary>The request header names a response varies on: lower case, each once, sorted, so <c>Vary: A, B</c> and <c>Vary: b, a</c> select alike.</summary>
    public static string[] NamesOf(StringValues vary) =>
        vary.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The variant key of a request: the values of the named headers, "" when the response varies on nothing.
    /// A header absent from the request is only its name, so it never matches one sent empty (§4.1).
    /// </summary>
    public static string KeyOf(IReadOnlyList<string> varyHeaders, IHeaderDictionary requestHeaders)
    {
        if (varyHeaders.Count == 0)
        {
            return "";
        }

        // Values are normalised lightly (§4.1 allows it): whitespace around commas and several field lines do not split variants.
        return string.Join('\n', varyHeaders.Select(name => requestHeaders.TryGetValue(name, out var value)
            ? name + ":" + string.Join(",", value.ToString().Split(',').Select(v => v.Trim()))
            : name));
    }

    public static bool Matches(CachedResponse entry, IHeaderDictionary requestHeaders) =>
        entry.VaryKey == KeyOf(entry.VaryHeaders, requestHeaders);
}
