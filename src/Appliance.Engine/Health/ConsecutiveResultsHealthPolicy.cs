using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Health;

/// <summary>
/// Active health as operators configure it: a backend leaves rotation after N consecutive failed
/// probes and returns after M consecutive successful ones. YARP's ConsecutiveFailures policy has
/// no M: it puts a backend back on the first success, which makes a flapping backend flap traffic.
/// </summary>
internal sealed partial class ConsecutiveResultsHealthPolicy(
    IDestinationHealthUpdater healthUpdater,
    HealthEventLog events,
    ILogger<ConsecutiveResultsHealthPolicy> logger) : IActiveHealthCheckPolicy
{
    private readonly ConditionalWeakTable<DestinationState, ProbeStreak> _streaks = new();

    public string Name => HealthCheckNames.ActivePolicy;

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        if (probingResults.Count == 0)
        {
            return;
        }

        var unhealthyAfter = ReadThreshold(cluster, HealthCheckNames.UnhealthyAfterMetadata);
        var healthyAfter = ReadThreshold(cluster, HealthCheckNames.HealthyAfterMetadata);
        var newStates = new NewActiveDestinationHealth[probingResults.Count];
        for (var i = 0; i < probingResults.Count; i++)
        {
            var result = probingResults[i];
            var destination = result.Destination;
            var previous = destination.Health.Active;
            var succeeded = result.Response is { IsSuccessStatusCode: true };
            var streak = _streaks.GetValue(destination, static _ => new ProbeStreak());
            var next = streak.Next(succeeded, previous, unhealthyAfter, healthyAfter);
            newStates[i] = new NewActiveDestinationHealth(destination, next);

            var address = destination.Model.Config.Address;
            if (!succeeded)
            {
                // One line per failed probe, the reason in words. YARP's own line for it carries the
                // exception's stack and is filtered out (see HealthRegistration).
                var reason = ProbeFailureReason.Of(result);
                if (next == DestinationHealth.Unhealthy && previous != DestinationHealth.Unhealthy)
                {
                    LogBackendDown(cluster.ClusterId, address, reason, streak.Failures);
                }
                else
                {
                    LogProbeFailed(cluster.ClusterId, address, reason, streak.Failures);
                }
            }
            else if (next == DestinationHealth.Healthy && previous == DestinationHealth.Unhealthy)
            {
                LogBackendUp(cluster.ClusterId, address, streak.Successes);
            }
        }

        healthUpdater.SetActive(cluster, newStates);

        // After the update: whether a backend is back in rotation depends on its passive health
        // too, which the log reads together with the active health just set.
        foreach (var result in probingResults)
        {
            events.Observe(cluster.ClusterId, result.Destination, result.Response is { IsSuccessStatusCode: true } ? null : ProbeFailureReason.Of(result));
        }
    }

    private static int ReadThreshold(ClusterState cluster, string key) =>
        cluster.Model.Config.Metadata is { } metadata && metadata.TryGetValue(key, out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : 1;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Health probe of backend {Backend} (pool {Pool}) failed: {Reason}; after {Failures} failed probe(s) in a row it leaves rotation.")]
    private partial void LogBackendDown(string pool, string backend, string reason, int failures);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Health probe of backend {Backend} (pool {Pool}) failed: {Reason} ({Failures} in a row).")]
    private partial void LogProbeFailed(string pool, string backend, string reason, int failures);

    // Not "back in rotation": live-traffic failures may still hold it out. The event log says when it is.
    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Backend {Backend} of pool {Pool} passes its health probes again ({Successes} in a row).")]
    private partial void LogBackendUp(string pool, string backend, int successes);
}
