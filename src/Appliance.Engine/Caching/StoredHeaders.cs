using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// Which response header fields a stored entry keeps (RFC 9111 §3.1), and how a 304 updates them
/// (§4.3.4). Hop-by-hop fields, the proxy's own (Proxy-Authenticate, Proxy-Authentication-Info,
/// Proxy-Authorization, which §3.1 says MUST NOT be stored), Age (recomputed on every answer), one
/// client's cookies and what the appliance itself adds never enter the store.
/// </summary>
internal static class StoredHeaders
{
    private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.TransferEncoding, HeaderNames.Upgrade, HeaderNames.TE,
        HeaderNames.Trailer, HeaderNames.ProxyAuthenticate, "Proxy-Authentication-Info", HeaderNames.ProxyAuthorization,
        "Proxy-Connection", HeaderNames.SetCookie, HeaderNames.Age,
        CacheStatus.HeaderName, Metrics.RequestIdFeature.HeaderName, HeaderNames.StrictTransportSecurity,
    };

    public static bool IsStored(string name) => !NotStored.Contains(name);

    public static KeyValuePair<string, StringValues>[] Of(IHeaderDictionary headers) =>
        headers.Where(h => IsStored(h.Key)).Select(h => new KeyValuePair<string, StringValues>(h.Key, h.Value)).ToArray();

    /// <summary>
    /// The stored fields with a 304's fields replacing or added, but for those never stored and those the
    /// stored body depends on (§4.3.4): Content-Length, and Content-Encoding, which says how the stored bytes
    /// are coded; a 304 naming another coding would label the same bytes as something they are not.
    /// </summary>
    public static Dictionary<string, StringValues> Freshened(IReadOnlyList<KeyValuePair<string, StringValues>> stored, IHeaderDictionary notModified)
    {
        var headers = stored.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var header in notModified)
        {
            if (IsStored(header.Key)
                && !header.Key.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
                && !header.Key.Equals(HeaderNames.ContentEncoding, StringComparison.OrdinalIgnoreCase))
            {
                headers[header.Key] = header.Value;
            }
        }

        return headers;
    }
}
