using System.Collections.Concurrent;
using System.Text.Json;
using Appliance.Data.Cluster;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Engine.Alerts;
using Appliance.Engine.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Alerts;

/// <summary>The worker end to end on a fake clock: rules from a real store, grouping, delivery and its retries through a sender that records.</summary>
public sealed class AlertWorkerTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-engine-alerts", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly RecordingSender _sender = new();
    private readonly AlertOptions _options = new() { RetrySeconds = 5, MaxAttempts = 3 };
    private ServiceProvider _services = null!;
    private AlertQueue _queue = null!;
    private AlertChannelStatusBoard _board = null!;
    private AlertWorker _worker = null!;
    private AlertGrouper _grouper = null!;

    [Fact]
    public async Task Events_within_a_rules_window_become_one_summary_with_their_count()
    {
        await ConfigureAsync(groupMinutes: 1);
        for (var i = 0; i < 5; i++)
        {
            _queue.Raise(Down(i));
        }

        // Every event is routed (the first sent, four held) before the clock moves.
        await WaitForAsync(() => _sender.Messages.Count >= 1 && _grouper.HeldTotal == 4);
        Assert.Single(_sender.Messages);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(() => _sender.Messages.Count >= 2);
        using var summary = JsonDocument.Parse(_sender.Messages.ToArray()[1].Json);
        Assert.True(summary.RootElement.GetProperty("grouped").GetBoolean());
        Assert.Equal(4, summary.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(4, summary.RootElement.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_after_the_delay_and_counted_on_the_channel()
    {
        await ConfigureAsync(groupMinutes: 0);
        _sender.FailuresLeft = 1;

        _queue.Raise(Down(0));
        await WaitForAsync(() => _board.Of("hook").FailedAttempts == 1);
        Assert.Empty(_sender.Messages);

        // The retry's wait may start just after the failure is counted: the clock moves until it has passed.
        await WaitForAsync(() =>
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            return _sender.Messages.Count == 1;
        });
        var status = _board.Of("hook");
        Assert.Equal(1, status.Sent);
        Assert.Equal(0, status.Failed);
        Assert.Equal("status 503", status.LastError);
    }

    [Fact]
    public async Task A_rule_that_is_off_or_names_other_events_sends_nothing()
    {
        await ConfigureAsync(groupMinutes: 0, events: [AlertEvents.PoolDown]);
        var store = _services.GetRequiredService<ConfigStore>();
        Assert.True((await store.AlertRules.CreateAsync(new AlertRuleSpec { Name = "off", Enabled = false, Events = [AlertEvents.BackendDown], Channels = ["hook"] }, "test")).Succeeded);

        _queue.Raise(Down(0));
        _queue.Raise(new AlertEvent(AlertEvents.PoolDown, "pool web", "Pool web is down", _clock.GetUtcNow()));

        await WaitForAsync(() => _sender.Messages.Count == 1);
        Assert.Equal(AlertEvents.PoolDown, _sender.Messages.Single().Event);
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

        _queue = new AlertQueue(_options);
        _board = new AlertChannelStatusBoard();
        var delivery = new AlertDelivery([_sender], _board, _options, new NodeIdentity("node-a"), _clock, NullLogger<AlertDelivery>.Instance);
        var cache = new AlertConfigurationCache(_services.GetRequiredService<ConfigStore>(), new SnapshotStore(), _clock, NullLogger<AlertConfigurationCache>.Instance);
        _grouper = new AlertGrouper();
        _worker = new AlertWorker(_queue, cache, _grouper, delivery, new AlertWorkerCounters(), _clock, NullLogger<AlertWorker>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _worker.StopAsync(CancellationToken.None);
        _worker.Dispose();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task ConfigureAsync(int groupMinutes, string[]? events = null)
    {
        var store = _services.GetRequiredService<ConfigStore>();
        Assert.True((await store.AlertChannels.CreateAsync(new AlertChannelSpec { Name = "hook", Webhook = new WebhookChannelSpec { Url = "http://127.0.0.1:9/hook" } }, "test")).Succeeded);
        var rule = new AlertRuleSpec { Name = "ops", Events = events ?? [AlertEvents.BackendDown, AlertEvents.BackendUp], Channels = ["hook"], GroupMinutes = groupMinutes };
        Assert.True((await store.AlertRules.CreateAsync(rule, "test")).Succeeded);
        await _worker.StartAsync(CancellationToken.None);
    }

    private AlertEvent Down(int i) => new(AlertEvents.BackendDown, "backend web http://a", $"down #{i}", _clock.GetUtcNow());

    // The worker runs on the thread pool; its waits are on the fake clock, so only the hand-over is awaited here.
    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the worker.");
            await Task.Delay(10);
        }
    }

    private sealed class RecordingSender : IAlertSender
    {
        public ConcurrentQueue<AlertMessage> Messages { get; } = new();

        public int FailuresLeft { get; set; }

        public bool Handles(AlertChannelSpec channel) => channel.Webhook is not null;

        public Task SendAsync(AlertChannelSpec channel, AlertMessage message, CancellationToken cancellationToken)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new AlertDeliveryException("status 503");
            }

            Messages.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
