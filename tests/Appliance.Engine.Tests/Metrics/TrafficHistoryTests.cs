using Appliance.Engine.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Metrics;

public sealed class TrafficHistoryTests
{
    [Fact]
    public void Keeps_the_last_fifteen_minutes_oldest_first()
    {
        var history = new TrafficHistory();
        var start = DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < TrafficHistory.Capacity + 20; i++)
        {
            history.Add(new TrafficSample(start + i * TrafficHistory.Interval, i, 0, null));
        }

        var samples = history.Samples();
        Assert.Equal(TrafficHistory.Capacity, samples.Count);
        Assert.Equal(20, samples[0].RequestsPerSecond);
        Assert.Equal(TrafficHistory.Capacity + 19, samples[^1].RequestsPerSecond);
        Assert.Equal(TimeSpan.FromMinutes(15), samples[^1].At - samples[0].At + TrafficHistory.Interval);
    }

    [Fact]
    public void A_sample_covers_the_last_completed_seconds_with_rate_errors_and_p95()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var metrics = new TrafficMetrics(clock);
        var sampler = new TrafficHistorySampler(metrics, new TrafficHistory(), clock);

        // 10 requests in the window, 2 of them 5xx; one more in the second still filling, and one too old.
        metrics.Record(clock.GetUtcNow().AddSeconds(-10), "r", "p", "b", 200, false, 1);
        for (var i = 0; i < 10; i++)
        {
            metrics.Record(clock.GetUtcNow().AddSeconds(-1 - (i % 5)), "r", "p", "b", i < 2 ? 502 : 200, false, i < 9 ? 5 : 200);
        }

        metrics.Record(clock.GetUtcNow(), "r", "p", "b", 200, false, 1);

        var sample = sampler.Sample();

        Assert.Equal(clock.GetUtcNow(), sample.At);
        Assert.Equal(2.0, sample.RequestsPerSecond, 3);
        Assert.Equal(0.4, sample.ErrorsPerSecond, 3);
        Assert.InRange(sample.P95Milliseconds!.Value, 150, 250);
    }
}
