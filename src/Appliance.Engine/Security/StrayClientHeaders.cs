using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Security;

/// <summary>
/// Request headers by which a client could make a backend or framework see another request than
/// the one the appliance decided on (IIS's URL rewrite, Symfony's and Rack's trusted headers,
/// Laravel's, Symfony's and Express's method override), or another client (nginx's realip module).
/// </summary>
internal static class StrayClientHeaders
{
    /// <summary>
    /// Headers that claim a URL, scheme, port, prefix or method. Removed from every request whoever
    /// sent it: a trusted proxy passes them on from its own clients, the appliance sets
    /// X-Forwarded-Proto and X-Forwarded-Host itself, and a method override would let a GET pass a
    /// GET-only route and the cache's GET rules and then act, and be stored, as a DELETE.
    /// </summary>
    public static readonly string[] RequestClaims =
    [
        "X-Original-URL", "X-Original-URI", "X-Rewrite-URL", "X-Forwarded-Uri", "X-Original-Host", "X-Forwarded-Server",
        "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Scheme", "X-Forwarded-Ssl", "X-Url-Scheme", "Front-End-Https",
        "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override",
    ];

    /// <summary>
    /// Headers that claim the client's address. A trusted proxy (a CDN, a load balancer) says who its
    /// client is this way, so they are kept from one; from anyone else they are removed. X-Real-IP
    /// is set to the settled address on the way to the backend in any case.
    /// </summary>
    public static readonly string[] AddressClaims =
    [
        "X-Real-IP", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP", "Fastly-Client-IP", "X-Cluster-Client-IP", "Forwarded",
    ];

    // Name → whether it is an address claim. One case-insensitive lookup per header the request
    // carries (a handful) instead of one removal per listed name (22): Kestrel's Remove compares a
    // name against each known header of the same length before it looks at the others, which made
    // this step one of the costliest of a proxied request in the profile (bench/README.md).
    private static readonly FrozenDictionary<string, bool> Claims =
        RequestClaims.Select(name => KeyValuePair.Create(name, false))
            .Concat(AddressClaims.Select(name => KeyValuePair.Create(name, true)))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Removes the claims nobody may make, and the address claims unless a trusted proxy made them.</summary>
    public static void RemoveFrom(IHeaderDictionary headers, bool fromTrustedProxy)
    {
        List<string>? stray = null;
        foreach (var header in headers)
        {
            if (Claims.TryGetValue(header.Key, out var addressClaim) && !(addressClaim && fromTrustedProxy))
            {
                (stray ??= []).Add(header.Key);
            }
        }

        // Removed after the walk: a dictionary is not changed while it is enumerated.
        foreach (var name in stray ?? [])
        {
            headers.Remove(name);
        }
    }
}
