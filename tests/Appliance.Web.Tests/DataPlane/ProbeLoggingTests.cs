using System.Net;
using System.Net.Sockets;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class ProbeLoggingTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task A_failed_probe_logs_one_line_with_the_backend_and_the_reason_and_no_stack_trace()
    {
        var capture = new LogCapture();
        host.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);

        await using var alive = await TestBackend.StartAsync("probe-alive");
        await using var sick = await TestBackend.StartAsync("probe-sick");
        sick.Healthy = false;
        var refusing = "http://127.0.0.1:" + Ports.Unused();

        // Accepts connections and never answers: the probe runs into its timeout.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<Socket>();
        using var stopSilent = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await silent.AcceptSocketAsync(stopSilent.Token));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var silentAddress = "http://127.0.0.1:" + ((IPEndPoint)silent.LocalEndpoint).Port;

        await host.AddPoolAsync(new
        {
            name = "probe-log",
            loadBalancing = "RoundRobin",
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 2, healthyAfter = 1 },
            backends = new[] { alive.Address, sick.Address, refusing, silentAddress }.Select(address => new { address }).ToArray(),
        });
        await host.WaitForLiveConfigAsync();

        var expected = new Dictionary<string, string>
        {
            [sick.Address] = "status 503",
            [refusing] = "connection refused",
            [silentAddress] = "timed out",
        };
        await Eventually.TrueAsync(
            () => expected.Keys.All(address => ProbeLines(capture, address).Count >= 3),
            TimeSpan.FromSeconds(30),
            "three failed probes of each sick backend in the log");
        await stopSilent.CancelAsync();
        await accepting;
        foreach (var socket in held)
        {
            socket.Dispose();
        }

        foreach (var (address, reason) in expected)
        {
            var lines = ProbeLines(capture, address);
            Assert.All(lines, line => Assert.Contains(reason, line.Message, StringComparison.Ordinal));
            Assert.All(lines, line => Assert.DoesNotContain('\n', line.Message));

            // One line per probe: the probes of one backend are an interval (1 s) apart, so are its lines.
            Assert.All(lines.Zip(lines.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At > TimeSpan.FromMilliseconds(500), $"two lines for one probe of {address}: {pair.First.Message} / {pair.Second.Message}"));

            // Nothing else about the backend's probes: no stack trace, no second line from YARP.
            var others = capture.Entries.Where(e => e.Message.Contains(address, StringComparison.Ordinal) || e.Exception is not null).Except(lines).ToArray();
            Assert.True(others.Length == 0, "other lines: " + string.Join(" | ", others.Select(e => $"{e.Category}[{e.EventId.Id}] {e.Message} {e.Exception?.GetType().Name}")));
        }

        Assert.DoesNotContain(capture.Entries, e => e.Message.Contains(alive.Address, StringComparison.Ordinal));
    }

    // The appliance's own lines about failed probes of one backend, oldest first.
    private static List<CapturedLogEntry> ProbeLines(LogCapture capture, string address) =>
        capture.Entries
            .Where(e => e.Category.StartsWith("Appliance.Engine.Health", StringComparison.Ordinal) && e.Message.Contains(address, StringComparison.Ordinal))
            .ToList();
}
