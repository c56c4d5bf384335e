using Appliance.Engine.Mirroring;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Mirroring;

/// <summary>
/// An appliance with mirrored routes, each copying to a shadow pool of its own so that tests can
/// count exactly: primaries are real backends, shadows are <see cref="RecordingBackend"/>s (one slow,
/// one answering 503) and one address where nothing listens.
/// </summary>
public sealed class MirrorHost : ApplianceHost
{
    public const int MaxBodyBytes = 1024;

    private readonly List<IAsyncDisposable> _backends = [];

    public TestBackend Primary { get; private set; } = null!;

    public RecordingBackend PrimaryRecorder { get; private set; } = null!;

    public RecordingBackend Share10 { get; private set; } = null!;

    public RecordingBackend Share100 { get; private set; } = null!;

    public RecordingBackend Copy { get; private set; } = null!;

    public RecordingBackend Slow { get; private set; } = null!;

    public RecordingBackend Failing { get; private set; } = null!;

    public RecordingBackend Sockets { get; private set; } = null!;

    public MirrorMetrics Metrics => App.Services.GetRequiredService<MirrorMetrics>();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Proxy:Mirror:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Primary = await TestBackend.StartAsync("primary");
        _backends.Add(Primary);
        PrimaryRecorder = await RecorderAsync("primary-recorder");
        (Share10, Share100, Copy, Slow, Failing, Sockets) =
            (await RecorderAsync("share10"), await RecorderAsync("share100"), await RecorderAsync("copy"), await RecorderAsync("slow"), await RecorderAsync("failing"), await RecorderAsync("sockets"));
        Slow.Hold = TimeSpan.FromSeconds(5);
        Failing.StatusCode = StatusCodes.Status503ServiceUnavailable;

        await PoolAsync("primary", Primary.Address);
        await PoolAsync("primary-recorder", PrimaryRecorder.Address);
        foreach (var shadow in new[] { Share10, Share100, Copy, Slow, Failing, Sockets })
        {
            await PoolAsync("shadow-" + shadow.Name, shadow.Address);
        }

        await PoolAsync("shadow-stopped", $"http://127.0.0.1:{Ports.Unused()}");
        await AddPoolAsync(new { name = "shadow-drained", backends = new[] { new { address = Sockets.Address, enabled = false } } });

        await RouteAsync("share10", "/share10", "primary", "shadow-share10", 10);
        await RouteAsync("share100", "/share100", "primary", "shadow-share100", 100);
        await AddRouteAsync(new
        {
            name = "copy",
            path = "/api",
            rewritePath = "/v2",
            targets = new[] { new { pool = "primary-recorder", weight = 1 } },
            mirror = new { pool = "shadow-copy", percent = 100 },
        });
        await RouteAsync("slow", "/slow-shadow", "primary", "shadow-slow", 100);
        await RouteAsync("stopped", "/stopped-shadow", "primary", "shadow-stopped", 100);
        await RouteAsync("failing", "/failing-shadow", "primary", "shadow-failing", 100);
        await RouteAsync("drained", "/drained-shadow", "primary", "shadow-drained", 100);
        await RouteAsync("sockets", "/ws", "primary", "shadow-sockets", 100);
        await AddRouteAsync(new { name = "plain", path = "/plain", targets = new[] { new { pool = "primary-recorder", weight = 1 } } });
        await WaitForLiveConfigAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>The exposition at <c>/metrics</c> now.</summary>
    public Task<string> ScrapeAsync() => Api.GetStringAsync("/metrics");

    private async Task<RecordingBackend> RecorderAsync(string name)
    {
        var backend = await RecordingBackend.StartAsync(name);
        _backends.Add(backend);
        return backend;
    }

    private Task PoolAsync(string name, string address) =>
        AddPoolAsync(new { name, backends = new[] { new { address } } });

    private Task RouteAsync(string name, string path, string target, string shadow, decimal percent) =>
        AddRouteAsync(new { name, path, targets = new[] { new { pool = target, weight = 1 } }, mirror = new { pool = shadow, percent } });
}
