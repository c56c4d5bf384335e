using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>Creates or edits one pool through the ConfigStore.</summary>
public partial class PoolForm
{
    private PoolFormModel _model = new();
    private FieldMessages _messages = FieldMessages.None;
    private string? _detail;
    private bool _canEdit;
    private bool _saving;
    private string _actor = "";

    /// <summary>The pool to edit, as stored; null creates a new one.</summary>
    [Parameter]
    public PoolSpec? Pool { get; set; }

    /// <summary>Called with the saved pool once the store has accepted it.</summary>
    [Parameter]
    public EventCallback<PoolSpec> Saved { get; set; }

    [Parameter]
    public EventCallback Cancelled { get; set; }

    [Inject]
    private ConfigStore Store { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool IsEdit => Pool is not null;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _canEdit = AdminUser.CanEdit(user);
        _actor = AdminUser.ActorOf(user);
        _model = Pool is null ? new() : new(Pool);
    }

    private async Task SaveAsync()
    {
        // The buttons are hidden from Viewers; this keeps a crafted circuit message from saving anyway.
        if (!_canEdit || _saving)
        {
            return;
        }

        _saving = true;
        try
        {
            var spec = _model.ToSpec();
            var result = Pool is null
                ? await Store.CreatePoolAsync(spec, _actor)
                : await Store.UpdatePoolAsync(Pool.Name, spec, _actor);
            if (result.Succeeded)
            {
                _messages = FieldMessages.None;
                _detail = null;
                await Saved.InvokeAsync(result.Value!);
                return;
            }

            _messages = new FieldMessages(result.Errors);
            _detail = result.Detail;
        }
        finally
        {
            _saving = false;
        }
    }
}
