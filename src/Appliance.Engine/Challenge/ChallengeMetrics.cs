using Appliance.Engine.Metrics;

namespace Appliance.Engine.Challenge;

/// <summary>The challenge's families: pages issued and delayed, proofs passed, failed and replayed, pages waiting now.</summary>
internal sealed class ChallengeMetrics(ChallengeCounter counter, ChallengePacer pacer) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Family("appliance_challenge_total", "counter", "Proof-of-work challenges, by result (issued, passed, failed, replayed; allowed and crawler went through without one; impostor claimed a crawler DNS did not confirm; delayed: pages, issued too, that waited because their client kept asking).");
        foreach (var (result, count) in counter.Counts())
        {
            text.Sample("appliance_challenge_total", PrometheusText.Label("result", result), count);
        }

        text.Single("appliance_challenge_waiting", "gauge", "Challenge pages waiting now before they are sent (bounded by Appliance:Proxy:Challenge:MaxDelayed).", pacer.Waiting);
    }
}
