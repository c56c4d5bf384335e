using Appliance.Engine.Metrics;

namespace Appliance.Engine.Challenge;

/// <summary>The challenge's family: pages issued, proofs passed, failed and replayed.</summary>
internal sealed class ChallengeMetrics(ChallengeCounter counter) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Family("appliance_challenge_total", "counter", "Proof-of-work challenges, by result (issued, passed, failed, replayed; allowed and crawler went through without one; impostor claimed a crawler DNS did not confirm).");
        foreach (var (result, count) in counter.Counts())
        {
            text.Sample("appliance_challenge_total", PrometheusText.Label("result", result), count);
        }
    }
}
