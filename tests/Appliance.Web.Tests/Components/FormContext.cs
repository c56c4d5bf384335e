using System.Security.Claims;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Auth;
using Bunit;
using Bunit.TestDoubles;
using MudBlazor;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components;

/// <summary>
/// A bUnit context with MudBlazor's services, loose JS interop, the real stores and a signed-in user
/// of a given role: a user of the store, whose principal carries their security stamp and a session
/// id as the admin site's cookie does, so that checks against the store see a live session.
/// </summary>
public abstract class FormContext : BunitContext, IAsyncLifetime
{
    protected FormContext(ConfigDatabase database)
    {
        Database = database;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(database.Store);
        Services.AddSingleton(database.Users);
        Services.AddSingleton(database.Throttle);
        Services.AddSingleton(database.Tokens);
        Services.AddSingleton(database.Certificates);
        Services.AddSingleton(database.Services.GetRequiredService<Appliance.Data.Certificates.CertificateReplacer>());
        Services.AddSingleton(database.Services.GetRequiredService<Appliance.Data.TwoFactor.TwoFactorStore>());
        Services.AddSingleton(database.Services.GetRequiredService<Appliance.Data.TwoFactor.TwoFactorAdministration>());
        Services.AddSingleton(ActivatorUtilities.CreateInstance<AdminSessions>(database.Services));

        // No country database, as the store here has none; a test that needs one adds its own.
        Services.AddSingleton(new Appliance.Engine.GeoIp.CountryDatabase(
            new Appliance.Engine.GeoIp.GeoIpOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Appliance.Engine.GeoIp.CountryDatabase>.Instance));
        Security.BanComponentServices.AddTo(Services, database);
    }

    protected const string UserPassword = "component test passphrase";

    protected ConfigDatabase Database { get; }

    /// <summary>The signed-in user's authentication, for a test that signs them out under an open page.</summary>
    protected BunitAuthorizationContext Authorization { get; private set; } = default!;

    /// <summary>
    /// Signs in <paramref name="name"/> with <paramref name="role"/>, creating the user in the store
    /// (or giving them that role) first; call before rendering.
    /// </summary>
    protected async Task<SessionUser> SignInAsync(string name = "ops", string role = ApplianceRoles.Admin)
    {
        var user = await Database.Users.FindAsync(name);
        if (user is null)
        {
            Assert.True((await Database.Users.CreateAsync(new NewUser { UserName = name, Password = UserPassword, Role = role }, Editor.Authorized("test"))).Succeeded);
        }
        else if (user.User.Role != role)
        {
            Assert.True((await Database.Users.SetRoleAsync(user.User.Id, role, Editor.Authorized("test"))).Succeeded);
        }

        user = (await Database.Users.FindAsync(name))!;
        Authorization = AddAuthorization();
        Authorization.SetAuthorized(name).SetRoles(role).SetClaims(
            new Claim(AdminCookie.SecurityStampClaim, user.SecurityStamp),
            new Claim(AdminCookie.SessionIdClaim, AdminCookie.NewSessionId()));
        return user;
    }

    /// <summary>An Admin besides the one a test signs in, so that the signed-in one may be demoted or deleted.</summary>
    protected async Task AddAnotherAdminAsync() =>
        Assert.True((await Database.Users.CreateAsync(new NewUser { UserName = UniqueName("other"), Password = UserPassword, Role = ApplianceRoles.Admin }, Editor.Authorized("test"))).Succeeded);

    /// <summary>Renders the popover host MudSelect needs, as the layout does.</summary>
    protected void RenderPopoverHost() => Render<MudPopoverProvider>();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable; xunit calls this before Dispose,
    // which then has nothing left to do.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];
}
