namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>What <see cref="AccessLogFilterParser"/> read: a filter, or the messages of the fields it could not read.</summary>
/// <param name="Filter">The filter; null when a field could not be read.</param>
/// <param name="Errors">Messages by field (the query parameter's name); empty when the filter was read.</param>
public sealed record AccessLogFilterResult(AccessLogFilter? Filter, Dictionary<string, string[]> Errors);
