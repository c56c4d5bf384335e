using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Appliance.Data.Certificates;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Users;
using Appliance.Web.Auth;
using Appliance.Web.Tests.Infrastructure;
using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.RoundTrip;

/// <summary>
/// A bUnit context whose forms save through a running appliance's stores, so a test can set every
/// field through the API, save a form, and compare what the API answers before and after. Each test
/// is signed in as an Admin of its own, whose session the appliance checks as it would a cookie's.
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
        Services.AddSingleton(host.App.Services.GetRequiredService<CertificateReplacer>());

        // What the pages around the forms show next to them.
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.DataPlane.ProxyOptions>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Security.Shield.ShieldLog>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Caching.ResponseCache>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Caching.CachePurger>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Health.HealthReader>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Uptime.UptimeReader>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Warnings.SetupWarningReader>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Alerts.AlertChannelStatusBoard>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Alerts.AlertChannelTester>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.GeoIp.CountryDatabase>());
        Services.AddSingleton(host.App.Services.GetRequiredService<AdminSessions>());
        Services.AddSingleton(host.App.Services.GetRequiredService<Appliance.Engine.Security.Bans.BanService>());
        Services.AddSingleton(TimeProvider.System);
    }

    protected ApplianceHost Host { get; }

    /// <summary>The user this test is signed in as, with <see cref="Role"/>.</summary>
    protected SessionUser SignedIn { get; private set; } = default!;

    /// <summary>The role the test's own user gets: an Admin unless a test class asks for a Viewer.</summary>
    protected virtual string Role => ApplianceRoles.Admin;

    protected UserStore Users => Host.App.Services.GetRequiredService<UserStore>();

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

    async Task IAsyncLifetime.InitializeAsync()
    {
        var name = UniqueName("admin");
        Assert.True((await Users.CreateAsync(new NewUser { UserName = name, Password = "round trip passphrase", Role = Role }, Editor.Authorized("test"))).Succeeded);
        SignedIn = (await Users.FindAsync(name))!;
        AddAuthorization().SetAuthorized(name).SetRoles(Role).SetClaims(
            new Claim(AdminCookie.SecurityStampClaim, SignedIn.SecurityStamp),
            new Claim(AdminCookie.SessionIdClaim, AdminCookie.NewSessionId()));
        Render<MudPopoverProvider>();
    }

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
