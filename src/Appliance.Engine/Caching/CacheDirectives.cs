using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>The Cache-Control directives (RFC 9111 §5.2, RFC 5861) of a request or a response, parsed once.</summary>
internal sealed class CacheDirectives
{
    public bool NoStore { get; private init; }
    public bool NoCache { get; private init; }
    public bool Private { get; private init; }
    public bool Public { get; private init; }
    public bool MustRevalidate { get; private init; }
    public TimeSpan? MaxAge { get; private init; }
    public TimeSpan? SharedMaxAge { get; private init; }
    public TimeSpan? MinFresh { get; private init; }
    public bool MaxStale { get; private init; }
    public TimeSpan? MaxStaleLimit { get; private init; }
    public TimeSpan StaleWhileRevalidate { get; private init; }
    public TimeSpan? StaleIfError { get; private init; }

    public static CacheDirectives Parse(StringValues cacheControl, StringValues pragma = default)
    {
        CacheControlHeaderValue.TryParse(string.Join(",", cacheControl.ToArray()), out var parsed);
        var extensions = parsed?.Extensions ?? [];
        return new CacheDirectives
        {
            NoStore = parsed?.NoStore ?? false,

            // HTTP/1.0 "Pragma: no-cache" counts when there is no Cache-Control (RFC 9111 §5.4).
            NoCache = (parsed?.NoCache ?? false) || (StringValues.IsNullOrEmpty(cacheControl) && pragma.Any(p => p?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true)),
            Private = parsed?.Private ?? false,
            Public = parsed?.Public ?? false,
            MustRevalidate = (parsed?.MustRevalidate ?? false) || (parsed?.ProxyRevalidate ?? false),
            MaxAge = parsed?.MaxAge,
            SharedMaxAge = parsed?.SharedMaxAge,
            MinFresh = parsed?.MinFresh,
            MaxStale = parsed?.MaxStale ?? false,
            MaxStaleLimit = parsed?.MaxStaleLimit,
            StaleWhileRevalidate = Seconds(extensions, "stale-while-revalidate") ?? TimeSpan.Zero,
            StaleIfError = Seconds(extensions, "stale-if-error"),
        };
    }

    public static CacheDirectives Of(HttpRequest request) =>
        Parse(request.Headers.CacheControl, request.Headers.Pragma);

    private static TimeSpan? Seconds(ICollection<NameValueHeaderValue> extensions, string name)
    {
        foreach (var extension in extensions)
        {
            if (extension.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(extension.Value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }
}
