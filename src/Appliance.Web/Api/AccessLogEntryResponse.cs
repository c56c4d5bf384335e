using Appliance.Engine.AccessLogging.Viewer;

namespace Appliance.Web.Api;

/// <summary>One recent request as <c>GET /api/v1/access-log</c> shows it: its canonical path, never a query, cookie or credential.</summary>
internal sealed record AccessLogEntryResponse(
    DateTimeOffset Time,
    string RequestId,
    string? Client,
    string Host,
    string Method,
    string Path,
    int Status,
    long Bytes,
    double DurationMs,
    string? Route,
    string? Pool,
    string? Backend)
{
    public static AccessLogEntryResponse From(RecentRequest request) => new(
        request.Time,
        request.RequestId,
        request.Client?.ToString(),
        request.Host,
        request.Method,
        request.Path,
        request.Status,
        request.Bytes,
        request.DurationMs,
        request.Route,
        request.Pool,
        request.Backend);
}
