using Appliance.Data.Tokens;
using Appliance.Web.Components.Shared;

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

    private async Task OnCreatedAsync(CreatedApiToken created)
    {
        _created = created;
        _tokens = await Tokens.ListAsync();
    }

    private async Task RevokeAsync(ApiTokenInfo token)
    {
        if (!CanEdit)
        {
            return;
        }

        if (await Dialogs.ConfirmAsync("Revoke token", $"Revoke '{token.Name}'? Whatever uses it gets 401 from now on.", "Revoke"))
        {
            await Tokens.RevokeAsync(token.Id, Actor);
            _tokens = await Tokens.ListAsync();
        }
    }
}
