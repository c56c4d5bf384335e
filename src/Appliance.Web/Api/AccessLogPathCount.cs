namespace Appliance.Web.Api;

/// <summary>A path of an access log summary and its requests.</summary>
internal sealed record AccessLogPathCount(string Path, long Count);
