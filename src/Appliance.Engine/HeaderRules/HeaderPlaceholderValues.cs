using Appliance.Engine.DataPlane;
using Appliance.Engine.Metrics;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.HeaderRules;

/// <summary>What a header rule's placeholders stand for in one request.</summary>
internal readonly record struct HeaderPlaceholderValues(string ClientIp, string RequestId, string Host)
{
    /// <summary>
    /// The values of <paramref name="context"/>: the client address as the appliance settled it
    /// (trusted proxies included, a stray X-Forwarded-For ignored), its request id, and its Host.
    /// </summary>
    public static HeaderPlaceholderValues Of(HttpContext context) => new(
        context.Connection.RemoteIpAddress?.ToString() ?? "",
        context.Features.Lookup<IRequestIdFeature>()?.RequestId ?? "",
        context.Request.Host.Value ?? "");
}
