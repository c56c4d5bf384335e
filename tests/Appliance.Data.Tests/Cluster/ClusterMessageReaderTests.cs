using System.Collections.Concurrent;
using System.Diagnostics;
using Appliance.Data.Cluster;
using Appliance.Data.Tests.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Data.Tests.Cluster;

/// <summary>
/// A node's reader hands other nodes' messages to the handler of their topic, once each and in
/// order, skips its own, and ignores what was there before it started.
/// </summary>
public sealed class ClusterMessageReaderTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task The_reader_hands_on_other_nodes_messages_after_its_start_and_skips_its_own()
    {
        var messages = fixture.Services.GetRequiredService<ClusterMessageStore>();
        await messages.AppendAsync(Recorder.Name, "before the start", "node-b");
        var signal = new ClusterMessageSignal();
        var recorder = new Recorder();
        using var reader = new ClusterMessageReader(
            messages, signal, new NodeIdentity("node-a"), new ClusterOptions { Notifications = true, PollSeconds = 60 },
            [recorder], TimeProvider.System, NullLogger<ClusterMessageReader>.Instance);
        await reader.StartAsync(CancellationToken.None);
        try
        {
            // The reader took its starting point as it started: the poll is a minute, so only the signal wakes it.
            await messages.AppendAsync(Recorder.Name, "first", "node-b");
            await messages.AppendAsync(Recorder.Name, "mine", "node-a");
            await messages.AppendAsync("nobody.listens", "skipped", "node-b");
            await messages.AppendAsync(Recorder.Name, "second", "node-c");
            signal.Notify();

            await WaitForAsync(() => Task.FromResult(recorder.Payloads.Count >= 2), "two messages to be handled");
            Assert.Equal(["first", "second"], recorder.Payloads);
        }
        finally
        {
            await reader.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "Waited 10 s for " + what);
            await Task.Delay(20);
        }
    }

    private sealed class Recorder : IClusterMessageHandler
    {
        public const string Name = "test.record";

        public ConcurrentQueue<string> Payloads { get; } = new();

        public string Topic => Name;

        public Task HandleAsync(string payload, CancellationToken cancellationToken)
        {
            Payloads.Enqueue(payload);
            return Task.CompletedTask;
        }
    }
}
