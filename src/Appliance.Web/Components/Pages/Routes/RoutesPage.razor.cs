using Appliance.Data.Model;
using Appliance.Engine.Warnings;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>The routes with the warnings about each, followed live; each opens in the route form, in a dialog.</summary>
public partial class RoutesPage
{
    private static readonly DialogOptions FormOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    // A backend going down can leave a route with nothing in rotation; the certificates are one database read.
    private static readonly TimeSpan WarningsEvery = TimeSpan.FromSeconds(5);

    private IReadOnlyList<RouteSpec>? _routes;
    private ILookup<string, SetupWarning> _warnings = Array.Empty<SetupWarning>().ToLookup(w => w.Object);

    /// <summary>A route to open at once (<c>/routes?edit=shop</c>): other pages link to a route this way.</summary>
    [SupplyParameterFromQuery(Name = "edit")]
    public string? EditName { get; set; }

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _routes = await Store.Routes.ListAsync();
        await ReadWarningsAsync();
    }

    private async Task ReadWarningsAsync()
    {
        IReadOnlyList<SetupWarning> warnings;
        try
        {
            warnings = await Warnings.ReadAsync();
        }
        catch (Exception ex) when (Appliance.Data.Providers.DatabaseOutage.IsCause(ex))
        {
            // Without the certificates, the targets can still be judged.
            warnings = Warnings.Read(Health.Read(), certificates: null);
        }

        _warnings = warnings.Where(w => SetupWarningKinds.ObjectTypeOf(w.Kind) == "route").ToLookup(w => w.Object, StringComparer.Ordinal);
    }

    // After the first interactive render: the dialog provider is live only then.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _routes?.FirstOrDefault(r => r.Name == EditName) is { } linked)
        {
            await EditAsync(linked);
        }
    }

    private async Task OpenTesterAsync() => await Dialogs.ShowAsync<RouteTestDialog>("Which route takes this request?", FormOptions);

    private async Task CreateAsync() => await OpenFormAsync("New route", route: null);

    private async Task EditAsync(RouteSpec route) => await OpenFormAsync($"Route {route.Name}", route);

    private async Task OpenFormAsync(string title, RouteSpec? route)
    {
        var parameters = new DialogParameters<RouteDialog> { { d => d.Route, route } };
        var dialog = await Dialogs.ShowAsync<RouteDialog>(title, parameters, FormOptions);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: RouteSpec saved })
        {
            Snackbar.Add($"Route '{saved.Name}' saved.", Severity.Success);
            _routes = await Store.Routes.ListAsync();
        }
    }

    // The switch changes maintenance.enabled of the route as stored now, nothing else, through the one
    // write path (validated and audited like any edit); the table shows the stored state again after.
    private async Task SetMaintenanceAsync((RouteSpec Route, bool On) change)
    {
        var (route, on) = change;
        var question = on
            ? $"Put route '{route.Name}' in maintenance? Clients other than its allowed addresses get a 503 maintenance page until it is turned off."
            : $"End maintenance of route '{route.Name}'? Its clients reach the backends again.";
        if (!await Dialogs.ConfirmAsync(on ? "Start maintenance" : "End maintenance", question, on ? "Start maintenance" : "End maintenance")
            || await EditorAsync() is not { } actor)
        {
            _routes = await Store.Routes.ListAsync();
            return;
        }

        var stored = await Store.Routes.GetAsync(route.Name);
        var result = stored is null
            ? null
            : await Store.Routes.UpdateAsync(route.Name, stored with { Maintenance = stored.Maintenance with { Enabled = on } }, actor);
        Snackbar.Add(
            result is { Succeeded: true } ? $"Route '{route.Name}' is {(on ? "in maintenance" : "serving again")}." : result?.Detail ?? $"Route '{route.Name}' no longer exists.",
            result is { Succeeded: true } ? Severity.Success : Severity.Error);
        _routes = await Store.Routes.ListAsync();
    }

    private async Task DeleteAsync(RouteSpec route)
    {
        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (!await Dialogs.ConfirmAsync("Delete route", $"Delete route '{route.Name}'? Its requests will get 404 from the proxy.", "Delete")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Store.Routes.DeleteAsync(route.Name, actor);
        Snackbar.Add(result.Succeeded ? $"Route '{route.Name}' deleted." : result.Detail ?? "The route could not be deleted.", result.Succeeded ? Severity.Success : Severity.Error);
        _routes = await Store.Routes.ListAsync();
    }
}
