using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Appliance.Web.Tests.Alerts;

/// <summary>
/// A backend that can be stopped and started again on the same address, as a deploy or a crash and
/// restart of its process would: Kestrel on loopback answering every path with 200.
/// </summary>
public sealed class RestartableBackend : IAsyncDisposable
{
    private WebApplication? _app;

    public string Address { get; private set; } = "http://127.0.0.1:0";

    public static async Task<RestartableBackend> StartAsync()
    {
        var backend = new RestartableBackend();
        await backend.StartAgainAsync();
        return backend;
    }

    /// <summary>Starts on the address it had (the first time, on a free port).</summary>
    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Address);
        var app = builder.Build();
        app.Map("/{**rest}", () => Results.Text("ok"));
        await app.StartAsync();
        Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
