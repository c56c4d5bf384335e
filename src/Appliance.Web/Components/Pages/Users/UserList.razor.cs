using Appliance.Data.Users;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Users;

/// <summary>The users section of the users page: the table, its actions, and the add form.</summary>
public partial class UserList
{
    private IReadOnlyList<UserInfo> _users = [];
    private IReadOnlySet<int> _withTwoFactor = new HashSet<int>();
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _users = await Users.ListAsync();
        _withTwoFactor = await TwoFactor.EnrolledUserIdsAsync();
    }

    private async Task OnAddedAsync(UserInfo added)
    {
        Snackbar.Add($"User '{added.UserName}' added as {added.Role}.", Severity.Success);
        await ReloadAsync();
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

        await ReloadAsync();
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

    private async Task ResetTwoFactorAsync(UserInfo user)
    {
        if (!await Dialogs.ConfirmAsync(
                "Reset two-factor",
                $"Reset the two-factor sign-in of '{user.UserName}'? Their authenticator and recovery codes stop working and every session of theirs ends. They sign in with the password alone, or set up a new authenticator first while two-factor is required.",
                "Reset")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await TwoFactor.ResetAsync(user.UserName, Editor.SignedIn(actor));
        _error = result.Succeeded ? null : result.Detail;
        if (result.Succeeded)
        {
            Snackbar.Add($"Two-factor sign-in of '{user.UserName}' was reset; their sessions have ended.", Severity.Success);
        }

        await ReloadAsync();
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
        await ReloadAsync();
    }
}
