namespace Appliance.Engine.AccessLogging;

/// <summary>One finished request as the access log writes it. The query string is left out: it often carries secrets.</summary>
public sealed record AccessLogEntry(
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
    string? Backend);
