using System.Net;
using Appliance.Data.Networking;
using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Security;

/// <summary>
/// Settles the client address once, first: IPv4 clients on a dual-stack socket arrive as
/// <c>::ffff:203.0.113.7</c> and are unwrapped; and only when the direct peer is a trusted proxy is
/// the address taken from X-Forwarded-For (the nearest hop that is not itself trusted), so a
/// client cannot choose its own address by sending the header. Headers that claim a URL, scheme
/// or method are removed from every request; those that claim a client address are kept only when a
/// trusted proxy sent them (<see cref="StrayClientHeaders"/>).
/// </summary>
internal sealed class ClientAddressMiddleware(RequestDelegate next, ProxyOptions options)
{
    private readonly IPNetwork[] _trusted = options.TrustedNetworks();

    public Task InvokeAsync(HttpContext context)
    {
        var address = ClientAddresses.NormalizeOrNull(context.Connection.RemoteIpAddress);
        context.Connection.RemoteIpAddress = address;
        var fromTrustedProxy = _trusted.Length > 0 && address is not null && NetworkRanges.Contains(_trusted, address);
        StrayClientHeaders.RemoveFrom(context.Request.Headers, fromTrustedProxy);
        if (fromTrustedProxy && context.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwardedFor)
        {
            var hops = forwardedFor.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = hops.Length - 1; i >= 0; i--)
            {
                if (!IPAddress.TryParse(hops[i], out var hop))
                {
                    break;
                }

                hop = ClientAddresses.Normalize(hop);
                context.Connection.RemoteIpAddress = hop;
                if (!NetworkRanges.Contains(_trusted, hop))
                {
                    break;
                }
            }
        }

        return next(context);
    }
}
