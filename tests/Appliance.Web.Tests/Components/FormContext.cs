using Appliance.Data.Model;
using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components;

/// <summary>A bUnit context with MudBlazor's services, loose JS interop, the real ConfigStore and a signed-in user of a given role.</summary>
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
    }

    protected ConfigDatabase Database { get; }

    /// <summary>Signs in <paramref name="name"/> with <paramref name="role"/>; call before rendering.</summary>
    protected void SignIn(string name = "ops", string role = ApplianceRoles.Admin) =>
        AddAuthorization().SetAuthorized(name).SetRoles(role);

    /// <summary>Renders the popover host MudSelect needs, as the layout does.</summary>
    protected void RenderPopoverHost() => Render<MudPopoverProvider>();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable; xunit calls this before Dispose,
    // which then has nothing left to do.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];
}
