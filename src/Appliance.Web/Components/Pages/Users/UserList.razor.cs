using Appliance.Data.Users;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Users;

/// <summary>The users section of the users page: the table, its actions, and the add form.</summary>
public partial class UserList
{
    private IReadOnlyList<UserInfo> _users = [];
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _users = await Users.ListAsync();
    }

    private async Task OnAddedAsync(UserInfo added)
    {
        Snackbar.Add($"User '{added.UserName}' added as {added.Role}.", Severity.Success);
        _users = await Users.ListAsync();
    }

    private async Task SetRoleAsync((UserInfo User, string Role) change)
    {
        var (user, role) = change;
        if (role == user.Role || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Users.SetRoleAsync(user.Id, role, Editor.SignedIn(actor));
        _error = result.Succeeded ? null : result.Detail;
        if (result.Succeeded)
        {
            Snackbar.Add($"'{user.UserName}' is now {role}.", Severity.Success);
        }

        _users = await Users.ListAsync();
    }

    private async Task EndSessionsAsync(UserInfo user)
    {
        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (!await Dialogs.ConfirmAsync("End sessions", $"Sign '{user.UserName}' out of every browser? Open pages can no longer save at once and close within a minute.", "End sessions")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Users.EndSessionsAsync(user.Id, Editor.SignedIn(actor));
        _error = result.Succeeded ? null : result.Detail;
        if (result.Succeeded)
        {
            Snackbar.Add($"Every session of '{user.UserName}' has ended.", Severity.Success);
        }
    }

    private async Task DeleteAsync(UserInfo user)
    {
        if (!await Dialogs.ConfirmAsync("Delete user", $"Delete '{user.UserName}'? They are signed out at their next request.", "Delete")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Users.DeleteAsync(user.Id, Editor.SignedIn(actor));
        _error = result.Succeeded ? null : result.Detail;
        _users = await Users.ListAsync();
    }
}
