using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Routing.Testing;

/// <summary>
/// Makes the request to test as Kestrel would hand it over: the raw target exactly as written in
/// the URL (<see cref="Uri"/> would remove dot segments and unescape, hiding the very spellings an
/// operator wants to try), the Host from the URL's authority, the headers, and the peer address.
/// </summary>
internal static class RouteTestContext
{
    public static HttpContext Create(RouteTestRequest test, IServiceProvider services)
    {
        var (scheme, authority, target) = Split(test.Url);
        var context = new DefaultHttpContext { RequestServices = services };
        var request = context.Request;
        request.Method = string.IsNullOrEmpty(test.Method) ? HttpMethods.Get : test.Method.ToUpperInvariant();
        request.Scheme = scheme;
        foreach (var (name, value) in test.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.Append(name, value);
        }

        request.Host = HostString.FromUriComponent(authority);
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        request.Path = Decoded(path);
        request.QueryString = query < 0 || query == target.Length - 1 ? QueryString.Empty : new QueryString(target[query..]);
        context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget = target;
        context.Connection.RemoteIpAddress = test.ClientIp is null ? null : IPAddress.Parse(test.ClientIp);
        return context;
    }

    // What Kestrel would decode; a path it could not hold (an encoded NUL) stays as written, and
    // the canonical path step refuses it from the raw target as it refuses the real request.
    private static PathString Decoded(string path)
    {
        try
        {
            return PathString.FromUriComponent(path);
        }
        catch (InvalidOperationException)
        {
            return new PathString(path);
        }
    }

    /// <summary>Scheme, authority and raw target (path and query, no fragment) of an absolute http(s) URL.</summary>
    public static (string Scheme, string Authority, string Target) Split(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = url[..schemeEnd].ToLowerInvariant();
        var rest = url[(schemeEnd + 3)..];
        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        var authorityEnd = rest.IndexOfAny(['/', '?']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var target = authorityEnd < 0 ? "/" : rest[authorityEnd..];
        return (scheme, authority, target.StartsWith('?') ? "/" + target : target);
    }
}
