using Appliance.Data.Tests.Store;
using Appliance.Data.Uptime;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Uptime;

public sealed class UptimeStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-10-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private UptimeStore Store => fixture.Services.GetRequiredService<UptimeStore>();

    [Fact]
    public async Task Runs_and_their_transitions_are_read_back_per_node_and_backend()
    {
        var node = Node();
        var run = await Store.StartSessionAsync(node, T0);
        await Store.AppendAsync(run, [Transition(run, node, "http://a", 0, UptimeStates.Up), Transition(run, node, "http://b", 1, UptimeStates.Down)], T0.AddHours(2));
        await Store.AppendAsync(run, [], T0.AddHours(3));
        await Store.StartSessionAsync(Node(), T0);

        var history = await Store.ReadAsync(node, T0);
        var onlyB = await Store.ReadAsync(node, T0, "web", "http://b");

        var session = Assert.Single(history.Sessions);
        Assert.Equal(T0.AddHours(3), session.LastSeenAt);
        Assert.Equal(["http://a", "http://b"], history.Transitions.Select(t => t.Backend));
        Assert.Equal(UptimeStates.Down, Assert.Single(onlyB.Transitions).State);
        Assert.Equal("connection refused", onlyB.Transitions[0].Reason);
        Assert.Empty((await Store.ReadAsync(node, T0.AddHours(4))).Sessions);
    }

    [Fact]
    public async Task Retention_removes_ended_runs_and_old_transitions_but_keeps_what_held_at_the_cutoff()
    {
        var node = Node();
        var ended = await Store.StartSessionAsync(node, T0);
        await Store.AppendAsync(ended, [Transition(ended, node, "http://a", 0, UptimeStates.Up)], T0.AddDays(1));
        var running = await Store.StartSessionAsync(node, T0.AddDays(2));
        await Store.AppendAsync(running,
        [
            Transition(running, node, "http://a", 48, UptimeStates.Up),
            Transition(running, node, "http://a", 50, UptimeStates.Down),
            Transition(running, node, "http://a", 52, UptimeStates.Up),
            Transition(running, node, "http://a", 24 * 40, UptimeStates.Down),
        ], T0.AddDays(45));

        var removed = await Store.PruneAsync(T0.AddDays(10));
        var history = await Store.ReadAsync(node, T0);

        Assert.True(removed >= 4, $"removed {removed}");
        Assert.Equal(running, Assert.Single(history.Sessions).Id);

        // The last transition before the cutoff stays: the backend was up when the window begins.
        Assert.Equal([(52.0, UptimeStates.Up), (24.0 * 40, UptimeStates.Down)], history.Transitions.Select(t => ((t.At - T0).TotalHours, t.State)));
    }

    private static string Node() => "n-" + Guid.NewGuid().ToString("N")[..8];

    private static HealthTransition Transition(long session, string node, string backend, double hours, string state) =>
        new(session, node, "web", backend, T0.AddHours(hours), state, UptimeSources.Probe, state == UptimeStates.Down ? "connection refused" : null);
}
