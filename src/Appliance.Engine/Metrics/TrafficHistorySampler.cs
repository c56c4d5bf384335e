using Microsoft.Extensions.Hosting;

namespace Appliance.Engine.Metrics;

/// <summary>Takes a <see cref="TrafficSample"/> of the last completed seconds every <see cref="TrafficHistory.Interval"/>.</summary>
internal sealed class TrafficHistorySampler(TrafficMetrics metrics, TrafficHistory history, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TrafficHistory.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                history.Add(Sample());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal TrafficSample Sample()
    {
        var seconds = (int)TrafficHistory.Interval.TotalSeconds;
        var stats = metrics.TotalOfLastCompletedSeconds(seconds);
        return new TrafficSample(
            time.GetUtcNow(),
            stats.RequestsPerSecond,
            stats.Requests * stats.ErrorRate / seconds,
            stats.P95Milliseconds);
    }
}
