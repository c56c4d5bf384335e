namespace Appliance.Web.Api;

/// <summary>A client address of an access log summary and its requests.</summary>
internal sealed record AccessLogClientCount(string Client, long Count);
