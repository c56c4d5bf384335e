using Appliance.Data.Model;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.ErrorPages;

/// <summary>The custom error pages, with one form that adds a page or edits the one picked.</summary>
public partial class ErrorPagesPage
{
    private IReadOnlyList<ErrorPageSpec> _pages = [];
    private IReadOnlyList<string> _routes = [];

    // The form edits one stored page or adds a new one; a fresh key gives it a fresh start.
    private ErrorPageSpec? _editing;
    private int _formKey;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _pages = await Store.ErrorPages.ListAsync();
        _routes = (await Store.Routes.ListAsync()).Select(r => r.Name).ToArray();
    }

    private void Edit(ErrorPageSpec? page)
    {
        _editing = page;
        _formKey++;
    }

    private async Task OnSavedAsync(ErrorPageSpec page)
    {
        Snackbar.Add($"Error page '{page.Name}' saved.", Severity.Success);
        await LoadAsync();
        Edit(null);
    }

    private async Task DeleteAsync(ErrorPageSpec page)
    {
        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (!await Dialogs.ConfirmAsync("Delete error page", $"Delete '{page.Name}'? The {page.Status} answers it dressed go back to the global page or the plain one.", "Delete")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Store.ErrorPages.DeleteAsync(page.Name, actor);
        Snackbar.Add(result.Succeeded ? $"Error page '{page.Name}' deleted." : result.Detail ?? "The page could not be deleted.", result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
        if (_editing?.Name == page.Name)
        {
            Edit(null);
        }
    }
}
