using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Tests.Health;

/// <summary>Applies health changes to the destinations as YARP's updater does, and remembers each passive change with its reactivation period.</summary>
internal sealed class RecordingHealthUpdater : IDestinationHealthUpdater
{
    public List<(DestinationState Destination, DestinationHealth Health, TimeSpan ReactivationPeriod)> PassiveChanges { get; } = [];

    public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthPairs)
    {
        foreach (var pair in newHealthPairs)
        {
            pair.Destination.Health.Active = pair.NewActiveHealth;
        }
    }

    public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod)
    {
        if (destination.Health.Passive != newHealth)
        {
            destination.Health.Passive = newHealth;
            PassiveChanges.Add((destination, newHealth, reactivationPeriod));
        }
    }
}
