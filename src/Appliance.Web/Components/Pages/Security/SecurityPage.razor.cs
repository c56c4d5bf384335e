using Appliance.Data.Model;
using Appliance.Engine.Security.Shield;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>
/// Access lists and rate limits, each edited and deleted in place, with forms that create new ones;
/// the clients turned away, and the limits that always apply.
/// </summary>
public partial class SecurityPage
{
    private const int BlockedShown = 25;

    private static readonly TimeSpan BlockedEvery = TimeSpan.FromSeconds(2);

    private IReadOnlyList<AccessListSpec> _lists = [];
    private IReadOnlyList<RateLimitSpec> _limits = [];
    private IReadOnlyList<(string Reason, string Route, long Count)> _counts = [];
    private IReadOnlyList<BlockedRequest> _latest = [];
    private string? _error;

    // The name being edited in place; a fresh key gives a form a fresh start (and drops typed passwords).
    private string? _editingList;
    private string? _editingLimit;
    private int _listForm;
    private int _limitForm;
    private int _newListForm;
    private int _newLimitForm;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
        ReadBlocked();
    }

    private async Task LoadAsync()
    {
        _lists = await Store.AccessLists.ListAsync();
        _limits = await Store.RateLimits.ListAsync();

        // One deleted meanwhile (here or elsewhere) has nothing left to edit in place.
        _editingList = _lists.Any(l => l.Name == _editingList) ? _editingList : null;
        _editingLimit = _limits.Any(l => l.Name == _editingLimit) ? _editingLimit : null;
    }

    private void EditList(AccessListSpec? list)
    {
        _editingList = list?.Name;
        _listForm++;
    }

    private void EditLimit(RateLimitSpec? limit)
    {
        _editingLimit = limit?.Name;
        _limitForm++;
    }

    // An edit closes its form; a create starts the new form again. Either way the lists are read again.
    private async Task OnListSavedAsync(AccessListSpec saved)
    {
        Snackbar.Add($"Access list '{saved.Name}' saved.", Severity.Success);
        _error = null;
        await LoadAsync();
        EditList(null);
        _newListForm++;
    }

    private async Task OnLimitSavedAsync(RateLimitSpec saved)
    {
        Snackbar.Add($"Rate limit '{saved.Name}' saved.", Severity.Success);
        _error = null;
        await LoadAsync();
        EditLimit(null);
        _newLimitForm++;
    }

    private async Task DeleteListAsync(AccessListSpec list)
    {
        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (!await Dialogs.ConfirmAsync("Delete access list", $"Delete access list '{list.Name}'? Its rules and basic-auth users go with it.", "Delete")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        // A list a route or stream still names is refused with the API's 409 message, which says who uses it.
        var result = await Store.AccessLists.DeleteAsync(list.Name, actor);
        Deleted($"Access list '{list.Name}'", result.Succeeded, result.Detail);
        await LoadAsync();
    }

    private async Task DeleteLimitAsync(RateLimitSpec limit)
    {
        if (!await Dialogs.ConfirmAsync("Delete rate limit", $"Delete rate limit '{limit.Name}'?", "Delete")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Store.RateLimits.DeleteAsync(limit.Name, actor);
        Deleted($"Rate limit '{limit.Name}'", result.Succeeded, result.Detail);
        await LoadAsync();
    }

    private void Deleted(string what, bool succeeded, string? detail)
    {
        _error = succeeded ? null : detail ?? $"{what} could not be deleted.";
        if (succeeded)
        {
            Snackbar.Add($"{what} deleted.", Severity.Success);
        }
    }

    private void ReadBlocked()
    {
        _counts = Shield.Counts();
        _latest = Shield.Latest(BlockedShown);
    }
}
