namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>The names of the viewer's filters: query parameters of the API, and the keys of their messages.</summary>
public static class AccessLogFields
{
    public const string Status = "status";
    public const string Route = "route";
    public const string Client = "client";
    public const string Path = "path";
    public const string Method = "method";
    public const string Since = "since";
    public const string Until = "until";
    public const string Take = "take";
    public const string Minutes = "minutes";
}
