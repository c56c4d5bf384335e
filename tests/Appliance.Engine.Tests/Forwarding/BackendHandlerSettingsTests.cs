using System.Diagnostics;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Forwarding;

namespace Appliance.Engine.Tests.Forwarding;

/// <summary><c>Appliance:Proxy:Transport</c>'s backend settings as they land on a cluster's socket handler.</summary>
public sealed class BackendHandlerSettingsTests
{
    [Fact]
    public void Unset_settings_leave_dotnets_pool_alone_and_take_the_trace_propagator_off()
    {
        var handler = WithYarpsPropagator();
        var defaults = new SocketsHttpHandler();

        BackendHttpClientFactory.Apply(new TransportOptions(), poolSetsLimit: false, handler);

        Assert.Equal(defaults.PooledConnectionIdleTimeout, handler.PooledConnectionIdleTimeout);
        Assert.Equal(defaults.MaxConnectionsPerServer, handler.MaxConnectionsPerServer);
        Assert.Null(handler.ActivityHeadersPropagator);
    }

    [Fact]
    public void Set_settings_size_the_pool_and_PropagateTraceContext_keeps_yarps_propagator()
    {
        var handler = WithYarpsPropagator();
        var yarps = handler.ActivityHeadersPropagator;
        var transport = new TransportOptions { BackendIdleTimeoutSeconds = 7, BackendMaxConnectionsPerServer = 12, PropagateTraceContext = true };

        BackendHttpClientFactory.Apply(transport, poolSetsLimit: false, handler);

        Assert.Equal(TimeSpan.FromSeconds(7), handler.PooledConnectionIdleTimeout);
        Assert.Equal(12, handler.MaxConnectionsPerServer);
        Assert.Same(yarps, handler.ActivityHeadersPropagator);
    }

    [Fact]
    public void A_pools_own_connection_limit_wins_over_the_default_one()
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 3 };

        BackendHttpClientFactory.Apply(new TransportOptions { BackendMaxConnectionsPerServer = 12 }, poolSetsLimit: true, handler);

        Assert.Equal(3, handler.MaxConnectionsPerServer);
    }

    private static SocketsHttpHandler WithYarpsPropagator() =>
        new() { ActivityHeadersPropagator = DistributedContextPropagator.CreateDefaultPropagator() };
}
