using System.Net.Http.Headers;
using System.Net.Http.Json;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Web.Hosting;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Caching;

// The disk tier outlives the process: an appliance stopped and started again on the same data directory
// answers from disk what its earlier run stored, large objects and the small ones memory held at the stop.
public sealed class CacheDiskRestartTests : IAsyncLifetime
{
    private static readonly (string, string)[] Cacheable = [("Cache-Control", "max-age=600"), ("Content-Type", "application/octet-stream")];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-tests", Guid.NewGuid().ToString("N"));
    private ScriptedOrigin _origin = null!;
    private WebApplication? _app;
    private HttpClient? _api;

    [Fact]
    public async Task Objects_stored_before_a_restart_are_served_from_disk_after_it()
    {
        var large = new string('L', 256 * 1024);
        _origin.On("/large", large, Cacheable);
        _origin.On("/small", "small and hot", Cacheable);
        await StartAsync();
        await ConfigureAsync();
        foreach (var path in new[] { "/large", "/small" })
        {
            using var stored = await GetAsync(path);
            Assert.Contains("stored", CacheHost.CacheStatus(stored), StringComparison.Ordinal);
        }

        await StopAsync();
        await StartAsync();

        using (var fromDisk = await GetAsync("/large"))
        {
            Assert.Matches(@"^Appliance; hit; ttl=\d+; detail=disk$", CacheHost.CacheStatus(fromDisk));
            Assert.Equal(large, await fromDisk.Content.ReadAsStringAsync());
            Assert.NotNull(fromDisk.Headers.Age);
        }

        using (var flushed = await GetAsync("/small"))
        {
            Assert.EndsWith("detail=disk", CacheHost.CacheStatus(flushed), StringComparison.Ordinal);
            Assert.Equal("small and hot", await flushed.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, _origin.Count("/large"));
        Assert.Equal(1, _origin.Count("/small"));
    }

    public async Task InitializeAsync() => _origin = await ScriptedOrigin.StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        await _origin.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task ConfigureAsync()
    {
        foreach (var (path, body) in new (string, object)[]
        {
            ("/api/v1/pools", new { name = "origin", backends = new[] { new { address = _origin.Address } } }),
            ("/api/v1/routes", new { name = "kept", hosts = new[] { "kept.test" }, targets = new[] { new { pool = "origin", weight = 1 } } }),
            ("/api/v1/cache-rules", new { name = "all", route = "kept", match = "/", mode = "FollowOrigin" }),
        })
        {
            using var response = await _api!.PostAsJsonAsync(path, body);
            response.EnsureSuccessStatusCode();
        }

        var revision = await _app!.Services.GetRequiredService<Appliance.Data.Store.ConfigStore>().GetRevisionAsync();
        var snapshots = _app.Services.GetRequiredService<SnapshotStore>();
        await Eventually.TrueAsync(() => snapshots.AppliedRevision >= revision, TimeSpan.FromSeconds(10), "the data plane to serve the cache rule");
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        var proxy = _app!.Services.GetRequiredService<DataPlaneHost>().HttpAddress.Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(proxy) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "kept.test";
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

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
            ["Appliance:Cache:DiskPath"] = Path.Combine(_directory, "cache"),
            ["Appliance:Cache:DiskThresholdKB"] = "64",
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
