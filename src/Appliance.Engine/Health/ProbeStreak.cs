using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Health;

/// <summary>Counts a backend's consecutive probe results and decides its next health. Probes of one destination never overlap.</summary>
internal sealed class ProbeStreak
{
    public int Failures { get; private set; }
    public int Successes { get; private set; }

    public DestinationHealth Next(bool succeeded, DestinationHealth previous, int unhealthyAfter, int healthyAfter)
    {
        if (succeeded)
        {
            Successes++;
            Failures = 0;

            // A backend that was never marked down is healthy at once; one that was must prove itself.
            return previous != DestinationHealth.Unhealthy || Successes >= healthyAfter ? DestinationHealth.Healthy : DestinationHealth.Unhealthy;
        }

        Failures++;
        Successes = 0;
        return Failures >= unhealthyAfter ? DestinationHealth.Unhealthy : previous;
    }
}
