using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Security;

/// <summary>
/// Request headers by which a client could claim another address or another URL. Backends and
/// frameworks read them (nginx's realip module, IIS's URL rewrite, Symfony's trusted headers), so
/// they are believed only from a trusted proxy; from anyone else they are removed before any step
/// sees them, and a cached response can never have been shaped by them.
/// </summary>
internal static class StrayClientHeaders
{
    public static readonly IReadOnlyList<string> Names =
    [
        "X-Real-IP", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP", "Fastly-Client-IP", "X-Cluster-Client-IP",
        "X-Original-URL", "X-Rewrite-URL", "X-Original-Host", "X-Forwarded-Server", "X-Forwarded-Port", "X-Forwarded-Prefix",
        "X-Forwarded-Scheme", "X-Forwarded-Ssl", "X-Url-Scheme", "Front-End-Https", "Forwarded",
    ];

    private static readonly FrozenSet<string> Set = Names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static void RemoveFrom(IHeaderDictionary headers)
    {
        // One pass over the few headers a request has; removing is the rare case.
        List<string>? found = null;
        foreach (var header in headers)
        {
            if (Set.Contains(header.Key))
            {
                (found ??= []).Add(header.Key);
            }
        }

        if (found is not null)
        {
            foreach (var name in found)
            {
                headers.Remove(name);
            }
        }
    }
}
