using Appliance.Engine.Health;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Tests.Health;

public sealed class HealthTransitionListenerTests
{
    [Fact]
    public void Listeners_hear_each_change_with_the_check_that_made_it_and_why()
    {
        var heard = new List<HealthEvent>();
        var log = new HealthEventLog(new FakeTimeProvider(), NullLogger<HealthEventLog>.Instance, [new Listener(heard)]);
        var backend = new DestinationState("http://a");

        backend.Health.Active = DestinationHealth.Healthy;
        log.Observe("web", backend);
        backend.Health.Active = DestinationHealth.Unhealthy;
        log.Observe("web", backend, "connection refused");
        backend.Health.Active = DestinationHealth.Healthy;
        log.Observe("web", backend);
        backend.Health.Passive = DestinationHealth.Unhealthy;
        log.Observe("web", backend, "12 of its last 30 requests failed");
        backend.Health.Passive = DestinationHealth.Unknown;
        log.Observe("web", backend);

        Assert.Equal(
        [
            ("Unknown", "Healthy", "probe", "health probes pass"),
            ("Healthy", "Unhealthy", "probe", "connection refused"),
            ("Unhealthy", "Healthy", "probe", "health probes pass again"),
            ("Healthy", "Unhealthy", "traffic", "12 of its last 30 requests failed"),
            ("Unhealthy", "Healthy", "traffic", "live-traffic time-out ended"),
        ], heard.Select(e => (e.From, e.To, e.Source, e.Reason)));
    }

    [Fact]
    public void The_check_that_lets_a_backend_go_last_is_the_one_that_brought_it_back()
    {
        var heard = new List<HealthEvent>();
        var log = new HealthEventLog(new FakeTimeProvider(), NullLogger<HealthEventLog>.Instance, [new Listener(heard)]);
        var backend = new DestinationState("http://a");

        // Out on both counts; the live-traffic time-out ends first, the probes pass later.
        backend.Health.Passive = DestinationHealth.Unhealthy;
        log.Observe("web", backend);
        backend.Health.Active = DestinationHealth.Unhealthy;
        log.Observe("web", backend);
        backend.Health.Passive = DestinationHealth.Unknown;
        log.Observe("web", backend);
        backend.Health.Active = DestinationHealth.Healthy;
        log.Observe("web", backend);

        Assert.Equal([("Unhealthy", "traffic"), ("Healthy", "probe")], heard.Select(e => (e.To, e.Source)));
    }

    private sealed class Listener(List<HealthEvent> heard) : IHealthTransitionListener
    {
        public void OnTransition(HealthEvent change) => heard.Add(change);
    }
}
