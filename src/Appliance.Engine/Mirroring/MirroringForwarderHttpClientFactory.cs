using Appliance.Engine.DataPlane;
using Appliance.Engine.Forwarding;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Appliance.Engine.Mirroring;

/// <summary>YARP's HTTP clients per cluster, each with <see cref="MirroringHandler"/> in front of its socket handler.</summary>
internal sealed class MirroringForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger, ProxyOptions options, MirrorMetrics metrics)
    : BackendHttpClientFactory(logger, options)
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new MirroringHandler(base.WrapHandler(context, handler), metrics);
}
