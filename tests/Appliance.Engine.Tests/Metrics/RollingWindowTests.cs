using Appliance.Engine.Metrics;

namespace Appliance.Engine.Tests.Metrics;

public sealed class RollingWindowTests
{
    [Fact]
    public void Counts_status_classes_errors_and_rate_over_the_last_minute()
    {
        var window = new RollingWindow();
        for (var i = 0; i < 60; i++)
        {
            window.Record(1000 + i, 200, failed: false, milliseconds: 10);
        }

        window.Record(1059, 404, failed: false, milliseconds: 10);
        window.Record(1059, 503, failed: false, milliseconds: 10);
        window.Record(1059, 502, failed: true, milliseconds: 10);

        var stats = window.Read(1059);
        Assert.Equal(63, stats.Requests);
        Assert.Equal(60, stats.Status2xx);
        Assert.Equal(1, stats.Status4xx);
        Assert.Equal(2, stats.Status5xx);
        Assert.Equal(2 / 63.0, stats.ErrorRate, 6);
        Assert.Equal(63 / 60.0, stats.RequestsPerSecond, 6);
    }

    [Fact]
    public void Old_seconds_fall_out_of_the_window()
    {
        var window = new RollingWindow();
        window.Record(100, 200, false, 1);
        Assert.Equal(1, window.Read(159).Requests);
        Assert.Equal(0, window.Read(160).Requests);

        // A bucket reused for a later second starts from zero.
        window.Record(160, 500, false, 1);
        var stats = window.Read(160);
        Assert.Equal(1, stats.Requests);
        Assert.Equal(0, stats.Status2xx);
    }

    [Fact]
    public void Percentiles_fall_within_a_bucket_of_the_true_value()
    {
        var window = new RollingWindow();
        for (var i = 1; i <= 100; i++)
        {
            window.Record(5, 200, false, i);
        }

        var stats = window.Read(5);
        Assert.InRange(stats.P50Milliseconds!.Value, 50, 50 * 1.25);
        Assert.InRange(stats.P95Milliseconds!.Value, 95, 95 * 1.25);
    }

    [Fact]
    public void An_empty_window_has_no_percentiles()
    {
        var stats = new RollingWindow().Read(10);
        Assert.Equal(0, stats.Requests);
        Assert.Null(stats.P50Milliseconds);
    }
}
