using Appliance.Data.Tokens;
using Appliance.Data.Users;
using Appliance.Web.Components.Shared;
using Microsoft.JSInterop;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Users;

/// <summary>The API tokens section of the users page: the table, revocation, and the create form with its one showing of the secret.</summary>
public partial class ApiTokenList
{
    private IReadOnlyList<ApiTokenInfo> _tokens = [];
    private CreatedApiToken? _created;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _tokens = CanEdit ? await Tokens.ListAsync() : [];
    }

    // The browser's clipboard: the secret goes from this page to the clipboard, never to the server again.
    private async Task CopyTokenAsync()
    {
        if (_created is null)
        {
            return;
        }

        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", _created.Token);
            Snackbar.Add("Token copied.", Severity.Success);
        }
        catch (JSException)
        {
            // Clipboard access needs a secure context (HTTPS or localhost) and the user's permission.
            Snackbar.Add("The browser refused the clipboard; select the token and copy it.", Severity.Warning);
        }
    }

    private async Task OnCreatedAsync(CreatedApiToken created)
    {
        _created = created;
        _tokens = await Tokens.ListAsync();
    }

    private async Task RevokeAsync(ApiTokenInfo token)
    {
        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (await Dialogs.ConfirmAsync("Revoke token", $"Revoke '{token.Name}'? Whatever uses it gets 401 from now on.", "Revoke")
            && await EditorAsync() is { } actor)
        {
            await Tokens.RevokeAsync(token.Id, Editor.SignedIn(actor));
            _tokens = await Tokens.ListAsync();
        }
    }
}
