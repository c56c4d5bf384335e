using System.Net;

namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>
/// One finished request as the access log viewer keeps it: a value copied into a slot of
/// <see cref="RecentRequests"/>, so keeping it costs the request path no allocation. It holds the
/// canonical path as forwarded and nothing else of the target: no query string, no path parameters,
/// no header (so no cookie and no credential).
/// </summary>
/// <param name="Sequence">The request's place in the buffer's order, counted since start; set by the buffer.</param>
/// <param name="Time">When the response finished.</param>
/// <param name="RequestId">The appliance's request id, as in <c>X-Request-Id</c>.</param>
/// <param name="Client">The client's address as the data plane settled it (a trusted proxy's forwarded one included).</param>
/// <param name="Host">The Host the client named.</param>
/// <param name="Method">The request method.</param>
/// <param name="Path">The canonical path, percent-encoded as forwarded; never a query.</param>
/// <param name="Status">The status the client got.</param>
/// <param name="Bytes">Response body bytes written to the client.</param>
/// <param name="DurationMs">Milliseconds from the first step of the data plane to the end of the response.</param>
/// <param name="Route">The route that took the request, or null.</param>
/// <param name="Pool">The pool it was forwarded to, or null.</param>
/// <param name="Backend">The backend that answered, or null.</param>
public readonly record struct RecentRequest(
    long Sequence,
    DateTimeOffset Time,
    string RequestId,
    IPAddress? Client,
    string Host,
    string Method,
    string Path,
    int Status,
    long Bytes,
    double DurationMs,
    string? Route,
    string? Pool,
    string? Backend);
