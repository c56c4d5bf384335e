namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>How many requests of a summary had this path, or came from this client.</summary>
public sealed record AccessLogCount(string Value, long Count);
