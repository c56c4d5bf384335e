using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching;

/// <summary>
/// The Cache-Control directives (RFC 9111 §5.2, RFC 5861) of a request or a response, parsed once.
/// What cannot be read clearly is read the way that reuses less (RFC 9111 §4.2.1: the most
/// restrictive directive wins; invalid freshness information is best taken as stale):
/// <list type="bullet">
/// <item>no-store, no-cache, private, must-revalidate and proxy-revalidate count in any form, their
/// field-name lists (<c>no-cache="Set-Cookie"</c>) included, which then apply to the whole response;</item>
/// <item>public counts only without an argument;</item>
/// <item>delta-seconds beyond 2^31 count as 2^31 (§1.2.2);</item>
/// <item>a max-age or s-maxage that is not delta-seconds, or given twice with different values, is 0:
/// stale at once (the second reading §4.2.1 allows for duplicates, and the safe one); a min-fresh so
/// given is 2^31; a max-stale, stale-while-revalidate or stale-if-error so given is ignored;</item>
/// <item>an element that is not a directive at all is skipped and <see cref="Unparsable"/> says so.</item>
/// </list>
/// </summary>
internal sealed class CacheDirectives
{
    public bool NoStore { get; private init; }
    public bool NoCache { get; private init; }
    public bool Private { get; private init; }
    public bool Public { get; private init; }
    public bool MustRevalidate { get; private init; }
    public bool ProxyRevalidate { get; private init; }
    public TimeSpan? MaxAge { get; private init; }
    public TimeSpan? SharedMaxAge { get; private init; }
    public TimeSpan? MinFresh { get; private init; }
    public bool MaxStale { get; private init; }
    public TimeSpan? MaxStaleLimit { get; private init; }
    public TimeSpan StaleWhileRevalidate { get; private init; }
    public TimeSpan? StaleIfError { get; private init; }

    /// <summary>
    /// Some part of the field was not a directive (an open quote, text after an argument, no name):
    /// what the sender meant there is unknown, and might have been private or no-store.
    /// </summary>
    public bool Unparsable { get; private init; }

    /// <summary>
    /// Whether this shared cache may not serve the response stale without revalidating it: must-revalidate,
    /// proxy-revalidate, or s-maxage, which implies proxy-revalidate (RFC 9111 §5.2.2.2, §5.2.2.8, §5.2.2.10).
    /// Unlike must-revalidate, proxy-revalidate does not also let an answer to Authorization be shared (§3.5).
    /// </summary>
    public bool SharedCacheMustRevalidate => MustRevalidate || ProxyRevalidate || SharedMaxAge is not null;

    public static CacheDirectives Parse(StringValues cacheControl, StringValues pragma = default)
    {
        var read = new List<CacheControlDirective>();
        var whole = CacheControlSyntax.TryRead(cacheControl, read);
        var maxStaleClear = TryAgree(read, "max-stale", out var maxStale, out var maxStaleLimit);
        return new CacheDirectives
        {
            NoStore = Has(read, "no-store"),

            // HTTP/1.0 "Pragma: no-cache" counts when Cache-Control says nothing (RFC 9111 §5.4).
            NoCache = Has(read, "no-cache") || (read.Count == 0 && pragma.Any(p => p?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true)),
            Private = Has(read, "private"),
            Public = read.Any(d => d.Name == "public" && d.Argument is null),
            MustRevalidate = Has(read, "must-revalidate"),
            ProxyRevalidate = Has(read, "proxy-revalidate"),
            MaxAge = Seconds(read, "max-age", whenUnclear: TimeSpan.Zero),
            SharedMaxAge = Seconds(read, "s-maxage", whenUnclear: TimeSpan.Zero),
            MinFresh = Seconds(read, "min-fresh", whenUnclear: DeltaSeconds.Greatest),
            MaxStale = maxStaleClear && maxStale,
            MaxStaleLimit = maxStaleClear ? maxStaleLimit : null,
            StaleWhileRevalidate = Seconds(read, "stale-while-revalidate", whenUnclear: null) ?? TimeSpan.Zero,
            StaleIfError = Seconds(read, "stale-if-error", whenUnclear: null),
            Unparsable = !whole,
        };
    }

    public static CacheDirectives Of(HttpRequest request) =>
        Parse(request.Headers.CacheControl, request.Headers.Pragma);

    private static bool Has(List<CacheControlDirective> read, string name) => read.Exists(d => d.Name == name);

    // A directive that takes delta-seconds: null when absent, whenUnclear when it has none or contradicts itself.
    private static TimeSpan? Seconds(List<CacheControlDirective> read, string name, TimeSpan? whenUnclear) =>
        !TryAgree(read, name, out var present, out var seconds) ? whenUnclear
        : !present ? null
        : seconds ?? whenUnclear;

    // Every occurrence of a directive read as delta-seconds (null for none given); false when one is not
    // delta-seconds or two disagree.
    private static bool TryAgree(List<CacheControlDirective> read, string name, out bool present, out TimeSpan? seconds)
    {
        present = false;
        seconds = null;
        foreach (var directive in read)
        {
            if (directive.Name != name)
            {
                continue;
            }

            TimeSpan? value = null;
            if (directive.Argument is { } argument)
            {
                if (!DeltaSeconds.TryParse(argument, out var parsed))
                {
                    return false;
                }

                value = parsed;
            }

            if (present && value != seconds)
            {
                return false;
            }

            present = true;
            seconds = value;
        }

        return true;
    }
}
