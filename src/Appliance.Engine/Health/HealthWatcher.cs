using Microsoft.Extensions.Hosting;
using Yarp.ReverseProxy;

namespace Appliance.Engine.Health;

/// <summary>
/// Brings the health event log up to date every second. YARP puts a backend back from its passive
/// time out on a timer of its own that tells no one, so without a look the dashboard would never
/// learn that it came back, or learn it only when someone next opened it.
/// </summary>
internal sealed class HealthWatcher(IProxyStateLookup proxyState, HealthEventLog events, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var cluster in proxyState.GetClusters())
                {
                    foreach (var destination in cluster.Destinations.Values)
                    {
                        events.Observe(cluster.ClusterId, destination);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
