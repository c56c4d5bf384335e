using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Appliance.Engine.Mirroring;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Mirroring;

/// <summary>
/// Shadows that fail the way real ones do: one that accepts connections and then never reads or
/// answers (a hung process), and one that served copies and was then stopped. Every client request
/// stays well under the copies' 2 s limit while they fail, and each failure is counted.
/// </summary>
public sealed class MirroringDeadShadowTests(MirroringDeadShadowTests.DeadShadowHost host) : IClassFixture<MirroringDeadShadowTests.DeadShadowHost>
{
    // A bound, not a benchmark: the primary answers in milliseconds, a wait on the shadow would take
    // the 2 s after which copies are abandoned; the margin is for a loaded runner.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1.5);

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_shadow_that_accepts_and_never_answers_leaves_every_request_fast_and_its_copies_time_out()
    {
        await AllFastAsync("/hanging/", 10);

        var counters = host.Metrics.For("hanging");
        await Eventually.TrueAsync(() => counters.Failed(MirrorFailure.Timeout) == 10, Wait, "ten copies given up at the mirror timeout");
        Assert.True(host.Hanging.Accepted > 0, "the copies never reached the hanging shadow");
        Assert.Contains("appliance_mirror_timeouts_total{route=\"hanging\"} 10\n", await host.Api.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shadow_stopped_after_it_served_copies_leaves_every_request_fast_and_is_counted()
    {
        using var client = host.CreateProxyClient();
        using (var first = await client.GetAsync("/stopping/first"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await Eventually.TrueAsync(() => host.Stopping.Received.Count == 1, Wait, "the first copy to reach the running shadow");
        await host.Stopping.DisposeAsync();

        await AllFastAsync("/stopping/", 10);

        var counters = host.Metrics.For("stopping");
        await Eventually.TrueAsync(
            () => Task.FromResult(counters.Failed(MirrorFailure.Transport) + counters.Failed(MirrorFailure.NoBackend) == 10),
            Wait,
            () => $"ten failed copies (transport {counters.Failed(MirrorFailure.Transport)}, no backend {counters.Failed(MirrorFailure.NoBackend)}, timeout {counters.Failed(MirrorFailure.Timeout)})");
    }

    private async Task AllFastAsync(string prefix, int count)
    {
        using var client = host.CreateProxyClient();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync($"{prefix}{i}", new StringContent("payload"));
            clock.Stop();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("primary", await response.Content.ReadAsStringAsync());
            Assert.True(clock.Elapsed < Bound, $"{prefix}{i} took {clock.Elapsed.TotalMilliseconds:0} ms while its shadow is dead");
        }
    }

    /// <summary>A primary, a shadow that hangs on every connection and one the test stops; copies are given up after 2 s.</summary>
    public sealed class DeadShadowHost : ApplianceHost
    {
        public TestBackend Primary { get; private set; } = null!;

        public SilentListener Hanging { get; } = new();

        public RecordingBackend Stopping { get; private set; } = null!;

        public MirrorMetrics Metrics => App.Services.GetRequiredService<MirrorMetrics>();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:Mirror:TimeoutSeconds"] = "2",
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Primary = await TestBackend.StartAsync("primary");
            Stopping = await RecordingBackend.StartAsync("stopping");
            await AddPoolAsync(new { name = "primary", backends = new[] { new { address = Primary.Address } } });
            await AddPoolAsync(new { name = "shadow-hanging", backends = new[] { new { address = Hanging.Address } } });
            await AddPoolAsync(new { name = "shadow-stopping", backends = new[] { new { address = Stopping.Address } } });
            foreach (var name in new[] { "hanging", "stopping" })
            {
                await AddRouteAsync(new { name, path = "/" + name, targets = new[] { new { pool = "primary", weight = 1 } }, mirror = new { pool = "shadow-" + name, percent = 100 } });
            }

            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Primary.DisposeAsync();
            await Stopping.DisposeAsync();
            Hanging.Dispose();
            await base.DisposeAsync();
        }
    }

    /// <summary>Accepts every connection and holds it open without reading a byte or answering.</summary>
    public sealed class SilentListener : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<Socket> _held = [];
        private readonly CancellationTokenSource _stop = new();

        public SilentListener()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public string Address => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public int Accepted
        {
            get
            {
                lock (_held)
                {
                    return _held.Count;
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_held)
            {
                _held.ForEach(s => s.Dispose());
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    lock (_held)
                    {
                        _held.Add(socket);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped with the host.
            }
        }
    }
}
