using Appliance.Engine.AccessLogging.Viewer;

namespace Appliance.Web.Api;

/// <summary><c>GET /api/v1/access-log/summary</c>: this node's last minutes at a glance (see <see cref="AccessLogSummary"/>).</summary>
internal sealed record AccessLogSummaryResponse(
    string Node,
    int Capacity,
    DateTimeOffset From,
    DateTimeOffset Until,
    int Minutes,
    long Total,
    IReadOnlyDictionary<string, long> StatusClasses,
    IReadOnlyList<AccessLogPathCount> TopPaths,
    IReadOnlyList<AccessLogClientCount> TopClients,
    IReadOnlyList<MinuteCount> PerMinute,
    bool Complete,
    DateTimeOffset? HeldSince)
{
    public static AccessLogSummaryResponse Of(string node, int capacity, AccessLogSummary summary) => new(
        node,
        capacity,
        summary.From,
        summary.Until,
        summary.Minutes,
        summary.Total,
        summary.StatusClasses,
        summary.TopPaths.Select(p => new AccessLogPathCount(p.Value, p.Count)).ToArray(),
        summary.TopClients.Select(c => new AccessLogClientCount(c.Value, c.Count)).ToArray(),
        summary.PerMinute,
        summary.Complete,
        summary.HeldSince);
}
