using Appliance.Engine.Health;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Tests.Health;

public sealed class HealthEventLogTests
{
    [Fact]
    public void Events_are_kept_newest_first_with_since_when_per_backend_and_a_bounded_history()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var log = new HealthEventLog(clock, NullLogger<HealthEventLog>.Instance);
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

    [Fact]
    public void Came_back_is_recorded_only_when_neither_check_holds_the_backend_out_any_more()
    {
        var clock = new FakeTimeProvider();
        var log = new HealthEventLog(clock, NullLogger<HealthEventLog>.Instance);
        var backend = new DestinationState("http://a");

        log.Observe("web", backend);
        Assert.Empty(log.Latest(10));
        backend.Health.Active = DestinationHealth.Healthy;
        log.Observe("web", backend);

        // Live traffic takes it out; its probes fail, then pass again while live traffic still holds it out.
        backend.Health.Passive = DestinationHealth.Unhealthy;
        log.Observe("web", backend);
        var wentDown = clock.GetUtcNow();
        backend.Health.Active = DestinationHealth.Unhealthy;
        log.Observe("web", backend);
        backend.Health.Active = DestinationHealth.Healthy;
        log.Observe("web", backend);
        Assert.Equal([("Healthy", "Unhealthy"), ("Unknown", "Healthy")], log.Latest(10).Select(e => (e.From, e.To)));
        Assert.Equal(wentDown, log.Since("web", "http://a"));

        // YARP's timer ends the passive time out: now it is back.
        clock.Advance(TimeSpan.FromSeconds(30));
        backend.Health.Passive = DestinationHealth.Unknown;
        log.Observe("web", backend);
        log.Observe("web", backend);
        Assert.Equal(("Unhealthy", "Healthy"), log.Latest(1).Select(e => (e.From, e.To)).Single());
        Assert.Equal(clock.GetUtcNow(), log.Since("web", "http://a"));
        Assert.Equal(3, log.Latest(10).Count);
    }

    [Fact]
    public void A_backend_without_probes_comes_back_when_its_passive_time_out_ends_and_a_recreated_one_is_no_event()
    {
        var log = new HealthEventLog(new FakeTimeProvider(), NullLogger<HealthEventLog>.Instance);
        var backend = new DestinationState("http://b");
        backend.Health.Passive = DestinationHealth.Unhealthy;
        log.Observe("web", backend);
        backend.Health.Passive = DestinationHealth.Unknown;
        log.Observe("web", backend);
        Assert.Equal([("Unhealthy", "Unknown"), ("Unknown", "Unhealthy")], log.Latest(10).Select(e => (e.From, e.To)));

        backend.Health.Passive = DestinationHealth.Healthy;
        log.Observe("web", backend);
        log.Observe("web", new DestinationState("http://b"));
        Assert.Equal(("Unknown", "Healthy"), log.Latest(1).Select(e => (e.From, e.To)).Single());
        Assert.Equal(3, log.Latest(10).Count);
    }
}
