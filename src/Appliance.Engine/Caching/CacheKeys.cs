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

    /// <summary>The host part of a key (port included), as <see cref="For(string, string, string, string?)"/> wrote it.</summary>
    public static ReadOnlySpan<char> HostOf(string key)
    {
        var start = key.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = key.AsSpan(start).IndexOfAny('/', '?');
        return end < 0 ? key.AsSpan(start) : key.AsSpan(start, end);
    }

    /// <summary>The key of an absolute URL given to purge, or null when it is not one.</summary>
    public static string? ForUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? For(uri.Scheme, uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", uri.AbsolutePath, uri.Query)
            : null;
}
