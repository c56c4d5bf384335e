using Appliance.Engine.Configuration;
using Appliance.Engine.Metrics;

namespace Appliance.Engine.Mirroring;

/// <summary>The mirrored routes of the live configuration with their copies' figures, for the control plane.</summary>
public sealed class MirrorReader(SnapshotStore snapshots, MirrorMetrics metrics, TrafficMetrics traffic, TimeProvider time)
{
    /// <summary>Every route that mirrors in the newest configuration, by name.</summary>
    public IReadOnlyList<MirroredRouteStatus> Read()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return snapshots.Current.Plans.Values
            .Select(plan => plan.Get<RouteMirror>())
            .Where(mirror => mirror.IsOn)
            .OrderBy(mirror => mirror.RouteName, StringComparer.Ordinal)
            .Select(mirror =>
            {
                var counters = metrics.Find(mirror.RouteName);
                return new MirroredRouteStatus(
                    mirror.RouteName,
                    mirror.Pool!,
                    mirror.Percent,
                    counters?.Sent ?? 0,
                    counters?.Dropped ?? 0,
                    counters?.SkippedTotal ?? 0,
                    counters?.Errors ?? 0,
                    counters?.Failed(MirrorFailure.Timeout) ?? 0,
                    counters?.AnswersOfLastMinute(now) ?? WindowStats.Empty,
                    traffic.ForRoute(mirror.RouteName));
            })
            .ToArray();
    }
}
