using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Health;

/// <summary>
/// The backends in rotation: those neither check calls unhealthy, as the dashboard shows them
/// (<see cref="RotationHealth"/>). YARP's HealthyAndUnknown reads active health only when YARP's
/// own HTTP probes are on; a pool probed by TCP connect (<see cref="TcpHealthProber"/>) has them
/// off, and its probes must count all the same. Active health of a pool without any probe is kept
/// at Unknown by the prober, so nothing stale holds a backend out.
/// </summary>
internal sealed class InRotationDestinationsPolicy : IAvailableDestinationsPolicy
{
    public string Name => HealthCheckNames.AvailableDestinationsPolicy;

    public IReadOnlyList<DestinationState> GetAvailalableDestinations(ClusterConfig config, IReadOnlyList<DestinationState> allDestinations)
    {
        // Nearly always every backend is in rotation: the list itself is the answer, without a copy.
        var allIn = true;
        foreach (var destination in allDestinations)
        {
            if (IsOut(destination))
            {
                allIn = false;
                break;
            }
        }

        return allIn ? allDestinations : allDestinations.Where(d => !IsOut(d)).ToArray();
    }

    private static bool IsOut(DestinationState destination) =>
        destination.Health.Active == DestinationHealth.Unhealthy || destination.Health.Passive == DestinationHealth.Unhealthy;
}
