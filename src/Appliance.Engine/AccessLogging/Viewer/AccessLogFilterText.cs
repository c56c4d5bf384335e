namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>
/// The access log viewer's filters as typed, in the API's query string or the admin page's fields,
/// before <see cref="AccessLogFilterParser"/> reads them; null or blank means "any". The field
/// names of its messages are the query parameters' (<see cref="AccessLogFields"/>).
/// </summary>
public sealed record AccessLogFilterText(
    string? Status = null,
    string? Route = null,
    string? Client = null,
    string? Path = null,
    string? Method = null,
    string? Since = null,
    string? Until = null);
