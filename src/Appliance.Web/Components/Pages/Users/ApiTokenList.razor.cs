using Appliance.Data.Tokens;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Users;

/// <summary>The API tokens section of the users page: the table, revocation, and the create form with its one showing of the secret.</summary>
public partial class ApiTokenList
{
    private IReadOnlyList<ApiTokenInfo> _tokens = [];
    private CreatedApiToken? _created;
    private bool _canEdit;
    private string _actor = "";

    [Inject]
    private ApiTokenStore Tokens { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _canEdit = AdminUser.CanEdit(user);
        _actor = AdminUser.ActorOf(user);
        _tokens = _canEdit ? await Tokens.ListAsync() : [];
    }

    private async Task OnCreatedAsync(CreatedApiToken created)
    {
        _created = created;
        _tokens = await Tokens.ListAsync();
    }

    private async Task RevokeAsync(ApiTokenInfo token)
    {
        if (!_canEdit)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync("Revoke token", $"Revoke '{token.Name}'? Whatever uses it gets 401 from now on.", yesText: "Revoke", cancelText: "Cancel");
        if (confirmed == true)
        {
            await Tokens.RevokeAsync(token.Id, _actor);
            _tokens = await Tokens.ListAsync();
        }
    }
}
