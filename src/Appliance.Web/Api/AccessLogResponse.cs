namespace Appliance.Web.Api;

/// <summary>
/// <c>GET /api/v1/access-log</c>: this node's recent requests that the filters let through, newest
/// first; <c>capacity</c> is how many the node keeps (0: the viewer is off), <c>held</c> how many it
/// holds now.
/// </summary>
internal sealed record AccessLogResponse(string Node, int Capacity, int Held, IReadOnlyList<AccessLogEntryResponse> Entries);
