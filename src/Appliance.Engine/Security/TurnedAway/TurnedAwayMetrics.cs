using Appliance.Engine.Metrics;

namespace Appliance.Engine.Security.TurnedAway;

/// <summary>Every refusal of the edge in one family, by reason, whichever feature refused; and the top list's size.</summary>
internal sealed class TurnedAwayMetrics(TurnedAwayRecorder recorder) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Family("appliance_turned_away_total", "counter", "Connections and requests the edge turned away on this node, by reason (banned, access-list, country, rate-limit, concurrency, basic-auth, body-size, overload, challenge).");
        foreach (var (reason, count) in recorder.Totals())
        {
            text.Sample("appliance_turned_away_total", PrometheusText.Label("reason", TurnedAwayReasons.Label(reason)), count);
        }

        text.Single("appliance_turned_away_tracked_addresses", "gauge", "Addresses the dashboard's top offenders list holds (bounded: two generations of 256).", recorder.TrackedAddresses);
    }
}
