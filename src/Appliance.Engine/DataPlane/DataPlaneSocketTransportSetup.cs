using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace Appliance.Engine.DataPlane;

/// <summary>The data plane's socket transport (its own Kestrel: the admin site keeps the defaults), from <see cref="TransportOptions"/>.</summary>
internal sealed class DataPlaneSocketTransportSetup(ProxyOptions options) : IConfigureOptions<SocketTransportOptions>
{
    public void Configure(SocketTransportOptions transport)
    {
        var settings = options.Transport;
        transport.UnsafePreferInlineScheduling = settings.InlineScheduling;
        if (settings.IOQueueCount is { } queues)
        {
            transport.IOQueueCount = queues;
        }
    }
}
