using Appliance.Engine.DataPlane;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.LoadBalancing;

namespace Appliance.Engine.LoadBalancing;

/// <summary>
/// The load-balancing policies YARP lacks, next to its own; a pool names one in its cluster. The
/// pipeline step is YARP's own <c>UseLoadBalancing()</c>.
/// </summary>
internal static class LoadBalancingRegistration
{
    public static ApplianceEngineBuilder AddLoadBalancing(this ApplianceEngineBuilder engine)
    {
        engine.DataPlane.AddSingleton<ILoadBalancingPolicy, WeightedRoundRobinPolicy>();
        engine.DataPlane.AddSingleton<ILoadBalancingPolicy, FirstAvailablePolicy>();
        return engine;
    }
}
