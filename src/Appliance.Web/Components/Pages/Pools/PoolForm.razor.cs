using Appliance.Data.Model;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>Creates or edits one pool through the ConfigStore.</summary>
public partial class PoolForm
{
    private PoolFormModel _model = new();
    private readonly FormSubmission _submission = new();

    /// <summary>The pool to edit, as stored; null creates a new one.</summary>
    [Parameter]
    public PoolSpec? Pool { get; set; }

    /// <summary>Called with the saved pool once the store has accepted it.</summary>
    [Parameter]
    public EventCallback<PoolSpec> Saved { get; set; }

    [Parameter]
    public EventCallback Cancelled { get; set; }

    private bool IsEdit => Pool is not null;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _model = Pool is null ? new() : new(Pool);
    }

    private async Task SaveAsync()
    {
        if (await EditorAsync() is not { } actor)
        {
            return;
        }

        var spec = _model.ToSpec();
        var saved = await _submission.SaveAsync(() => Pool is null
            ? Store.Pools.CreateAsync(spec, actor)
            : Store.Pools.UpdateAsync(Pool.Name, spec, actor));
        if (saved is not null)
        {
            await Saved.InvokeAsync(saved);
        }
    }
}
