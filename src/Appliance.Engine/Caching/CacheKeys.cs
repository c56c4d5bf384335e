using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Caching;

/// <summary>How a request's URL becomes a cache key: scheme, lower-case host, canonical path and, if the rule says so, the query.</summary>
public static class CacheKeys
{
    // The forwarded spelling: /a%2Fb and /a%252Fb are different resources at the origin, though
    // both decode to the same Request.Path.
    public static string For(HttpRequest request, bool includeQuery) =>
        For(request.Scheme, request.Host.Value ?? "", Routing.CanonicalPath.ForwardOf(request), includeQuery ? request.QueryString.Value : null);

    public static string For(string scheme, string host, string path, string? query) =>
        $"{scheme.ToLowerInvariant()}://{host.ToLowerInvariant()}{path}{query}";

    /// <summary>The key of an absolute URL given to purge, or null when it is not one.</summary>
    public static string? ForUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? For(uri.Scheme, uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", uri.AbsolutePath, uri.Query)
            : null;
}
