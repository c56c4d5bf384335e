using System.Net.Http.Headers;
using System.Net.Http.Json;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Web.Hosting;

namespace Appliance.Web.Tests.Infrastructure;

/// <summary>
/// The real appliance, control plane and data plane, on ephemeral loopback ports with its own
/// data directory. One per test class (as an xunit fixture), or per test where a test stops it.
/// </summary>
public class ApplianceHost : IAsyncLifetime
{
    public const string BootstrapToken = "test-bootstrap-token-0123456789abcdef";

    private WebApplication? _app;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "appliance-tests", Guid.NewGuid().ToString("N"));

    public WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>Client of the control plane's API, with the bootstrap token.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>Base address of the data plane.</summary>
    public Uri ProxyAddress { get; private set; } = null!;

    /// <summary>Base address of the data plane's HTTPS listener.</summary>
    public Uri HttpsAddress { get; private set; } = null!;

    /// <summary>Settings on top of the test defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Services registered before the appliance's own, which then keep them (a fake DNS resolver).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Appliance:DataDirectory"] = DataDirectory,
            ["Appliance:Admin:Urls"] = "http://127.0.0.1:0",
            ["Appliance:Admin:BootstrapToken"] = BootstrapToken,
            ["Appliance:Proxy:HttpPort"] = "0",
            ["Appliance:Proxy:HttpsPort"] = "0",
            ["Appliance:Proxy:BindAddress"] = "127.0.0.1",
            ["Appliance:Proxy:ShutdownTimeoutSeconds"] = "10",
            ["Appliance:AccessLog:Target"] = "Off",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _app = ApplianceApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            ConfigureServices(builder.Services);
        });
        await _app.StartAsync();

        Api = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BootstrapToken);
        // Listening on every interface reports [::]; clients reach it through IPv4 loopback.
        var dataPlane = _app.Services.GetRequiredService<DataPlaneHost>();
        ProxyAddress = new Uri(dataPlane.HttpAddress.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        HttpsAddress = new Uri(dataPlane.HttpsAddress.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public virtual async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A client of the data plane that keeps no cookies unless given a handler that does.</summary>
    public HttpClient CreateProxyClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { UseCookies = false }) { BaseAddress = ProxyAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Creates a pool and a route through the API and waits until the data plane serves the route.</summary>
    public async Task AddPoolAsync(object pool)
    {
        var response = await Api.PostAsJsonAsync("/api/v1/pools", pool);
        await EnsureSuccessAsync(response);
    }

    public async Task AddRouteAsync(object route)
    {
        var response = await Api.PostAsJsonAsync("/api/v1/routes", route);
        await EnsureSuccessAsync(response);
    }

    /// <summary>Waits until the data plane serves the store's current revision.</summary>
    public async Task WaitForLiveConfigAsync()
    {
        var revision = await App.Services.GetRequiredService<Appliance.Data.Store.ConfigStore>().GetRevisionAsync();
        var snapshots = App.Services.GetRequiredService<SnapshotStore>();
        await Eventually.TrueAsync(() => snapshots.AppliedRevision >= revision, TimeSpan.FromSeconds(10), "the data plane to serve revision " + revision);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"API answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
