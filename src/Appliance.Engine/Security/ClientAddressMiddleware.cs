using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Security;

/// <summary>
/// A data plane listening on every interface accepts IPv4 clients on a dual-stack socket, which
/// reports them as <c>::ffff:203.0.113.7</c>. Backends, access lists and the access log want the
/// plain IPv4 address, so it is unwrapped once, first.
/// </summary>
internal sealed class ClientAddressMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped)
        {
            context.Connection.RemoteIpAddress = mapped.MapToIPv4();
        }

        return next(context);
    }
}
