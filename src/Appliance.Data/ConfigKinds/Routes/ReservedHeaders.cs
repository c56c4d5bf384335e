using System.Collections.Frozen;
using Appliance.Data.Model;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>
/// The header names a route's header rules may not touch, each with the reason an operator is
/// told: hop-by-hop and framing fields on either side (changing them breaks the connection or the
/// message, and HTTP/2 has none of them), and on each side what the appliance itself sets or relies
/// on, so that a rule cannot silently undo one of its protections.
/// </summary>
internal static class ReservedHeaders
{
    private const string Framing = "is a hop-by-hop or framing header: the appliance and the HTTP stack manage it for each connection, and changing it would break the message.";

    private static readonly FrozenDictionary<string, string> Both = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Connection"] = Framing,
        ["Keep-Alive"] = Framing,
        ["Proxy-Connection"] = Framing,
        ["Proxy-Authenticate"] = Framing,
        ["Proxy-Authorization"] = Framing,
        ["TE"] = Framing,
        ["Trailer"] = Framing,
        ["Transfer-Encoding"] = Framing,
        ["Upgrade"] = Framing,
        ["Content-Length"] = Framing,
        ["Content-Encoding"] = "says how the body's bytes are coded (the appliance compresses and decodes by it); changing it would mislabel the body.",
        ["Expect"] = Framing,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> Request = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["X-Forwarded-For"] = ClientIdentity("the settled client address"),
        ["X-Forwarded-Proto"] = ClientIdentity("the client's scheme"),
        ["X-Forwarded-Host"] = ClientIdentity("the client's Host"),
        ["X-Forwarded-Prefix"] = ClientIdentity("nothing a client may choose"),
        ["Forwarded"] = ClientIdentity("nothing a client may choose"),
        ["X-Real-IP"] = ClientIdentity("the settled client address"),
        ["X-Request-Id"] = "is the appliance's request id, which the backend, the client and the access log share; put {request_id} in a header of your own instead.",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> Response = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Set-Cookie"] = "carries the backend's session cookies and the appliance's sticky-target cookie; a rule would replace or drop them for every response, cached ones included.",
        ["Cache-Status"] = "is the cache's own account of what it did (RFC 9211).",
        ["Age"] = "is computed by the cache for every answer it gives from storage.",
        ["X-Request-Id"] = "is the appliance's request id, which the backend, the client and the access log share; put {request_id} in a header of your own instead.",
        ["Strict-Transport-Security"] = "is set by the route's hstsMaxAgeSeconds.",
        ["Content-Security-Policy"] = "is set by the route's contentSecurityPolicy.",
        ["WWW-Authenticate"] = "carries the access list's basic-auth challenge.",
        ["Retry-After"] = "tells clients turned away by a rate limit or maintenance when to come back.",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SecurityHeaders =
        new[] { "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a request rule may not touch <paramref name="name"/>, or null when it may. Host may be set, never removed.</summary>
    public static string? RequestReason(string name, bool removing)
    {
        if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
        {
            return removing ? "cannot be removed: every request names its host. Set it to send the backend another one." : null;
        }

        return Both.GetValueOrDefault(name) ?? Request.GetValueOrDefault(name);
    }

    /// <summary>Why a response rule of <paramref name="route"/> may not touch <paramref name="name"/>, or null when it may.</summary>
    public static string? ResponseReason(string name, RouteSpec route)
    {
        if (route.SecurityHeaders && SecurityHeaders.Contains(name))
        {
            return "is set by the route's securityHeaders; turn that off to set your own.";
        }

        return Both.GetValueOrDefault(name) ?? Response.GetValueOrDefault(name);
    }

    private static string ClientIdentity(string what) =>
        $"is set by the appliance from {what}, and backends trust it; a rule would let them believe a made-up one.";
}
