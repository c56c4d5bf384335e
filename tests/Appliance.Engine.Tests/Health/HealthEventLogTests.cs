using Appliance.Engine.Health;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Health;

public sealed class HealthEventLogTests
{
    [Fact]
    public void Events_are_kept_newest_first_with_since_when_per_backend_and_a_bounded_history()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var log = new HealthEventLog(clock);
        Assert.Null(log.Since("web", "http://a"));

        log.Record("web", "http://a", "Healthy", "Unhealthy");
        clock.Advance(TimeSpan.FromSeconds(30));
        log.Record("web", "http://a", "Unhealthy", "Healthy");

        var latest = log.Latest(10);
        Assert.Equal(["Healthy", "Unhealthy"], latest.Select(e => e.To));
        Assert.Equal(clock.GetUtcNow(), log.Since("web", "http://a"));
        Assert.Null(log.Since("web", "http://b"));

        for (var i = 0; i < 600; i++)
        {
            log.Record("web", "http://b", "Healthy", "Unhealthy");
        }

        Assert.Equal(500, log.Latest(1000).Count);
    }
}
