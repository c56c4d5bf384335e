namespace Appliance.Engine.AccessLogging;

/// <summary>
/// One finished request as the access log writes it. The query string is left out: it often
/// carries secrets. Values are captured as they are and formatted by the writer, off the request path.
/// <see cref="Path"/> is the path as forwarded; <see cref="Target"/> the client's own request
/// target (without its query) when it was spelled otherwise, else null.
/// </summary>
internal sealed record AccessLogEntry(
    DateTimeOffset Time,
    string RequestId,
    System.Net.IPAddress? Client,
    string Host,
    string Method,
    string Path,
    int Status,
    long Bytes,
    double DurationMs,
    string? Route,
    string? Pool,
    string? Backend,
    string? Target = null);
