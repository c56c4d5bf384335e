using Appliance.Data.Model;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>The routes; each opens in the route form, in a dialog.</summary>
public partial class RoutesPage
{
    private static readonly DialogOptions FormOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    private IReadOnlyList<RouteSpec>? _routes;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _routes = await Store.Routes.ListAsync();
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
