using Appliance.Engine.DataPlane;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Appliance.Engine.Forwarding;

/// <summary>
/// YARP's clients to the backends (it already turns off proxies, redirects, cookies and
/// decompression), with the pool sizing and trace propagation of <see cref="TransportOptions"/>.
/// </summary>
internal class BackendHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger, ProxyOptions options)
    : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        Apply(options.Transport, context.NewConfig.MaxConnectionsPerServer is not null, handler);
    }

    /// <summary>The settings on one cluster's handler; a pool's own connection limit wins.</summary>
    internal static void Apply(TransportOptions transport, bool poolSetsLimit, SocketsHttpHandler handler)
    {
        if (transport.BackendIdleTimeoutSeconds is { } idle)
        {
            handler.PooledConnectionIdleTimeout = TimeSpan.FromSeconds(idle);
        }

        if (transport.BackendMaxConnectionsPerServer is { } limit && !poolSetsLimit)
        {
            handler.MaxConnectionsPerServer = limit;
        }

        // On keeps YARP's propagator. Null takes .NET's DiagnosticsHandler off the request path:
        // without a propagator the handler is not added at all.
        if (!transport.PropagateTraceContext)
        {
            handler.ActivityHeadersPropagator = null;
        }
    }
}
