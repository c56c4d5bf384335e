using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching;

/// <summary>
/// What a successful unsafe request makes stale (RFC 9111 §4.4): its own URL, and the URLs its
/// response names in Location and Content-Location when they have the same origin (scheme, host
/// and port, RFC 9110 §4.3.1), so that one site's answers cannot purge another's entries.
/// </summary>
internal static class CacheInvalidation
{
    /// <summary>Unsafe methods: any but GET, HEAD, OPTIONS and TRACE, unknown ones included.</summary>
    public static bool IsUnsafe(string method) =>
        !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method) && !HttpMethods.IsTrace(method);

    /// <summary>Unsafe methods with a non-error status.</summary>
    public static bool Applies(string method, int statusCode) => IsUnsafe(method) && statusCode is >= 200 and < 400;

    /// <summary>
    /// The cache keys to purge, each URL with and without its query, since a rule may key on either.
    /// <paramref name="forwardPath"/> is the request's path as forwarded to the origin.
    /// </summary>
    public static IReadOnlyList<string> Targets(
        string scheme, HostString host, string forwardPath, string? query, StringValues location, StringValues contentLocation)
    {
        var hostValue = host.Value ?? "";
        var keys = new List<string> { CacheKeys.For(scheme, hostValue, forwardPath, query), CacheKeys.For(scheme, hostValue, forwardPath, null) };
        if (!Uri.TryCreate($"{scheme}://{hostValue}{forwardPath}", UriKind.Absolute, out var self))
        {
            return keys.Distinct(StringComparer.Ordinal).ToArray();
        }

        foreach (var named in new[] { location, contentLocation })
        {
            // Origins compared as Uri sees them, so Host: shop.test:80 and a resolved http://shop.test/ agree;
            // the keys keep the Host as the requests that stored them spelled it.
            if (named.ToString() is { Length: > 0 } reference
                && Uri.TryCreate(self, reference, out var target)
                && Uri.Compare(target, self, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                keys.Add(CacheKeys.For(scheme, hostValue, target.AbsolutePath, target.Query));
                keys.Add(CacheKeys.For(scheme, hostValue, target.AbsolutePath, null));
            }
        }

        return keys.Distinct(StringComparer.Ordinal).ToArray();
    }
}
