namespace Appliance.Engine.Streams;

/// <summary>One stream as the dashboard shows it: where it listens, its pool, its listener, its connections and bytes.</summary>
public sealed record StreamStatus(
    string Name,
    string Listen,
    string Pool,
    string Listener,
    string? ListenerError,
    long OpenConnections,
    long Accepted,
    long Refused,
    long BytesIn,
    long BytesOut);
