using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Appliance.Data.Certificates;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Tests.Infrastructure;
using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.RoundTrip;

/// <summary>
/// A bUnit context whose forms save through a running appliance's stores, so a test can set every
/// field through the API, save a form, and compare what the API answers before and after.
/// </summary>
public abstract class HostedFormContext : BunitContext, IAsyncLifetime
{
    protected HostedFormContext(ApplianceHost host)
    {
        Host = host;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(host.App.Services.GetRequiredService<ConfigStore>());
        Services.AddSingleton(host.App.Services.GetRequiredService<CertificateStore>());

        // What the pages around the forms show next to them.
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.DataPlane.ProxyOptions>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Security.Shield.ShieldLog>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Caching.ResponseCache>());
        AddAuthorization().SetAuthorized("ops").SetRoles(ApplianceRoles.Admin);
        Render<MudPopoverProvider>();
    }

    protected ApplianceHost Host { get; }

    protected ConfigStore Store => Host.App.Services.GetRequiredService<ConfigStore>();

    /// <summary>POSTs <paramref name="body"/> and fails the test with the API's answer unless it succeeds.</summary>
    protected async Task PostAsync(string path, object body)
    {
        using var response = await Host.Api.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// The API's JSON for one object, as text: <paramref name="path"/> answers it, or a list that holds
    /// it by name. Written out again by one serializer, so that texts compare equal when the JSON does.
    /// </summary>
    protected async Task<string> GetJsonAsync(string path, string? name = null)
    {
        var json = JsonNode.Parse(await Host.Api.GetStringAsync(path))!;
        return name is null
            ? json.ToJsonString()
            : json.AsArray().Single(n => (string?)n!["name"] == name)!.ToJsonString();
    }

    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
