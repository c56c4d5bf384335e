using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Engine.Configuration;
using Appliance.Web.Hosting;
using Appliance.Web.Tests.Alerts;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Uptime;

// The history outlives the process: an appliance stopped and started again on the same data
// directory still shows what its earlier run saw, and the time it was stopped is unknown, not down.
public sealed class UptimeRestartTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private HttpClient? _api;

    [Fact]
    public async Task A_restarted_appliance_still_shows_the_transitions_of_its_earlier_run()
    {
        await using var backend = await RestartableBackend.StartAsync();
        await StartAsync();
        using (var response = await _api!.PostAsJsonAsync("/api/v1/pools", new
        {
            name = "kept",
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = new[] { new { address = backend.Address } },
        }))
        {
            response.EnsureSuccessStatusCode();
        }

        await Eventually.TrueAsync(async () => (await TransitionsAsync()).Length == 1, TimeSpan.FromSeconds(30), "the first verdict");
        await backend.StopAsync();
        await Eventually.TrueAsync(async () => (await TransitionsAsync()).Length == 2, TimeSpan.FromSeconds(30), "the backend going down");
        var before = await TransitionsAsync();

        await StopAsync();
        await backend.StartAgainAsync();
        await StartAsync();

        // The earlier run's two transitions, then the new run's first verdict.
        await Eventually.TrueAsync(async () => (await TransitionsAsync()).Length == 3, TimeSpan.FromSeconds(30), "the new run's first verdict");
        var after = await TransitionsAsync();
        Assert.Equal(before.Select(t => t.GetProperty("at").GetString()), after.Take(2).Select(t => t.GetProperty("at").GetString()));
        Assert.Equal([true, false, true], after.Select(t => t.GetProperty("healthy").GetBoolean()));
        var timeline = (await _api!.GetFromJsonAsync<JsonElement[]>("/api/v1/uptime?pool=kept"))!.Single().GetProperty("timeline24h").EnumerateArray()
            .Select(s => s.GetProperty("state").GetString()!).ToArray();
        Assert.Equal(["Unknown", "Up", "Down", "Unknown", "Up"], timeline);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<JsonElement[]> TransitionsAsync() =>
        (await _api!.GetFromJsonAsync<JsonElement[]>("/api/v1/uptime?pool=kept"))!.Single().GetProperty("transitions").EnumerateArray().ToArray();

    private async Task StartAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Appliance:DataDirectory"] = _directory,
            ["Appliance:Admin:Urls"] = "http://127.0.0.1:0",
            ["Appliance:Admin:BootstrapToken"] = ApplianceHost.BootstrapToken,
            ["Appliance:Proxy:HttpPort"] = "0",
            ["Appliance:Proxy:HttpsPort"] = "0",
            ["Appliance:Proxy:BindAddress"] = "127.0.0.1",
            ["Appliance:AccessLog:Target"] = "Off",
            ["Appliance:Uptime:FlushSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _app = ApplianceApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
        });
        await _app.StartAsync();
        _api = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApplianceHost.BootstrapToken);
        var snapshots = _app.Services.GetRequiredService<SnapshotStore>();
        await Eventually.TrueAsync(() => snapshots.AppliedRevision >= 0, TimeSpan.FromSeconds(10), "the data plane to serve");
    }

    private async Task StopAsync()
    {
        _api?.Dispose();
        _api = null;
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
