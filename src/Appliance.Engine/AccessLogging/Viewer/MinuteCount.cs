namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>Requests that finished within the minute starting at <paramref name="Minute"/> (UTC).</summary>
public sealed record MinuteCount(DateTimeOffset Minute, long Count);
