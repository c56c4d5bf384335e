using System.Collections.Frozen;
using Appliance.Data.Cluster;
using Appliance.Data.Model;
using Appliance.Data.Uptime;
using Appliance.Engine.Configuration;
using Appliance.Engine.Uptime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Uptime;

/// <summary>The reader on a fake clock over a real store: the three windows of one history, and this node's live run.</summary>
public sealed class UptimeReaderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-engine-uptime", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Start);
    private ServiceProvider _services = null!;

    [Fact]
    public async Task The_windows_count_only_observed_time_and_the_live_run_lasts_until_now()
    {
        var store = _services.GetRequiredService<UptimeStore>();
        var run = new UptimeRun();
        var snapshots = new SnapshotStore();
        snapshots.Swap(new ProxySnapshot(1, [], [], [new PoolPlan("web", "RoundRobin", null, [new BackendSpec { Address = "http://a" }])], FrozenDictionary<string, RoutePlan>.Empty));
        var reader = new UptimeReader(store, snapshots, new NodeIdentity("node-a"), run, _clock);

        // An earlier run: up for 10 days, then the node was stopped for 5.
        var earlier = await store.StartSessionAsync("node-a", Start);
        await store.AppendAsync(earlier, [At(earlier, 0, UptimeStates.Up)], Start.AddDays(10));

        // This run: down for 12 hours of its first day, then up; its last mark is a day old.
        var current = await store.StartSessionAsync("node-a", Start.AddDays(15));
        run.Started(current);
        await store.AppendAsync(current, [At(current, 15 * 24, UptimeStates.Down), At(current, (15 * 24) + 12, UptimeStates.Up)], Start.AddDays(19));
        _clock.SetUtcNow(Start.AddDays(20));

        var uptime = Assert.Single(await reader.ReadAsync());

        Assert.Equal(100, uptime.Uptime24h);
        Assert.Equal(Math.Round(100 * 108.0 / 120, 3), uptime.Uptime7d);
        Assert.Equal(Math.Round(100 * 348.0 / 360, 3), uptime.Uptime30d);
        Assert.Equal([true, false, true], uptime.Transitions.Select(t => t.Healthy));
        Assert.Equal("node-a", uptime.Node);

        // Another node's view of the same backend is its own: it saw nothing.
        var other = Assert.Single(await reader.ReadAsync(node: "node-b"));
        Assert.Null(other.Uptime30d);
    }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Appliance:DataDirectory"] = _directory })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<IConfiguration>(configuration)
            .AddApplianceData(configuration)
            .BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static HealthTransition At(long session, double hours, string state) =>
        new(session, "node-a", "web", "http://a", Start.AddHours(hours), state, UptimeSources.Probe, null);
}
