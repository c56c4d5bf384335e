using Appliance.Data.Uptime;
using Appliance.Engine.Health;
using Appliance.Engine.Uptime;
using Microsoft.Extensions.Time.Testing;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Tests.Uptime;

public sealed class UptimeRecorderTests
{
    [Fact]
    public void Changes_are_queued_and_a_backend_that_leaves_the_configuration_becomes_unobserved_then_observed_again()
    {
        var clock = new FakeTimeProvider();
        var recorder = new UptimeRecorder(new UptimeOptions(), new UptimeCounters(), clock);
        recorder.OnTransition(new HealthEvent(clock.GetUtcNow(), "web", "http://a", "Unknown", "Healthy"));
        recorder.OnTransition(new HealthEvent(clock.GetUtcNow(), "web", "http://b", "Healthy", "Unhealthy") { Source = HealthSources.Traffic, Reason = "failed" });

        // http://a was drained: gone from the data plane.
        var b = new DestinationState("http://b");
        b.Health.Passive = DestinationHealth.Unhealthy;
        recorder.Sweep([("web", b)]);

        // Enabled again and already healthy before the event log saw it unknown.
        var a = new DestinationState("http://a");
        a.Health.Active = DestinationHealth.Healthy;
        recorder.Sweep([("web", a), ("web", b)]);

        var queued = Drain(recorder);
        Assert.Equal(
        [
            ("http://a", UptimeStates.Up, "probe"),
            ("http://b", UptimeStates.Down, "traffic"),
            ("http://a", UptimeStates.Unobserved, UptimeSources.Configuration),
            ("http://a", UptimeStates.Up, "probe"),
        ], queued.Select(t => (t.Backend, t.State, t.Source)));
    }

    [Fact]
    public void A_full_queue_drops_and_counts_instead_of_waiting()
    {
        var counters = new UptimeCounters();
        var recorder = new UptimeRecorder(new UptimeOptions { QueueCapacity = 10 }, counters, new FakeTimeProvider());

        for (var i = 0; i < 15; i++)
        {
            recorder.OnTransition(new HealthEvent(DateTimeOffset.UnixEpoch, "web", $"http://{i}", "Unknown", "Healthy"));
        }

        Assert.Equal(10, recorder.Queued);
        Assert.Equal(5, counters.DroppedQueueFull);
    }

    private static List<PendingTransition> Drain(UptimeRecorder recorder)
    {
        var list = new List<PendingTransition>();
        while (recorder.Pending.TryRead(out var transition))
        {
            list.Add(transition);
        }

        return list;
    }
}
