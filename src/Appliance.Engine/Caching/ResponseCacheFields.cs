using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// The caching fields of a response as this cache must read them (RFC 9213 §2.2): when a targeted field it
/// obeys is present with a valid, non-empty value, that field's directives stand in for Cache-Control, and
/// Cache-Control, Expires and Pragma are ignored; otherwise the response's own fields, unchanged. Every
/// decision downstream (storability, lifetime, revalidation) then reads the one view.
/// </summary>
internal static class ResponseCacheFields
{
    public static IHeaderDictionary Effective(IHeaderDictionary headers, CacheTargets targets)
    {
        if (Targeted(headers, targets) is not { } directives)
        {
            return headers;
        }

        IHeaderDictionary view = new HeaderDictionary();
        foreach (var header in headers)
        {
            view[header.Key] = header.Value;
        }

        view.Remove(HeaderNames.Expires);
        view.Remove(HeaderNames.Pragma);
        view.CacheControl = directives;
        return view;
    }

    /// <summary>The first obeyed targeted field's directives as a Cache-Control value, or null when none is present and valid.</summary>
    public static string? Targeted(IHeaderDictionary headers, CacheTargets targets)
    {
        foreach (var name in targets.Fields)
        {
            var value = headers[name];
            if (StringValues.IsNullOrEmpty(value))
            {
                continue;
            }

            // Several field lines are one list (RFC 8941 §4.2): joined as a recipient must.
            if (StructuredDictionary.TryReadAsDirectives(string.Join(", ", value.ToArray())) is { Count: > 0 } directives)
            {
                return string.Join(", ", directives);
            }
        }

        return null;
    }
}
