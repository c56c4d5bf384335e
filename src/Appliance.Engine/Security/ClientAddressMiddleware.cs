using System.Net;
using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Security;

/// <summary>
/// Settles the client address once, first: IPv4 clients on a dual-stack socket arrive as
/// <c>::ffff:203.0.113.7</c> and are unwrapped; and only when the direct peer is a trusted proxy is
/// the address taken from X-Forwarded-For (the nearest hop that is not itself trusted), so a
/// client cannot choose its own address by sending the header. Headers that claim a client
/// address or URL (<see cref="StrayClientHeaders"/>) are kept only when a trusted proxy sent them.
/// </summary>
internal sealed class ClientAddressMiddleware(RequestDelegate next, ProxyOptions options)
{
    private readonly IPNetwork[] _trusted = options.TrustedNetworks();

    public Task InvokeAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
            context.Connection.RemoteIpAddress = address;
        }

        var fromTrustedProxy = _trusted.Length > 0 && address is not null && IsTrusted(address);
        if (!fromTrustedProxy)
        {
            StrayClientHeaders.RemoveFrom(context.Request.Headers);
        }
        else if (context.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwardedFor)
        {
            var hops = forwardedFor.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = hops.Length - 1; i >= 0; i--)
            {
                if (!IPAddress.TryParse(hops[i], out var hop))
                {
                    break;
                }

                hop = hop.IsIPv4MappedToIPv6 ? hop.MapToIPv4() : hop;
                context.Connection.RemoteIpAddress = hop;
                if (!IsTrusted(hop))
                {
                    break;
                }
            }
        }

        return next(context);
    }

    private bool IsTrusted(IPAddress address)
    {
        foreach (var network in _trusted)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
