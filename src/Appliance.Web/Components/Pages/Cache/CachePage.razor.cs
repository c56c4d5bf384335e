using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Engine.Caching;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Cache;

/// <summary>The cache's figures, its rules with their form, and purging.</summary>
public partial class CachePage
{
    private IReadOnlyList<CacheRuleSpec> _rules = [];
    private IReadOnlyList<string> _routes = [];
    private CacheStatistics _stats = new(0, 0, 0, 0, 0, 0, 0);
    private bool _canEdit;
    private string _actor = "";

    // The form edits one stored rule or adds a new one; a fresh key gives it a fresh start.
    private CacheRuleSpec? _editing;
    private int _formKey;

    [Inject]
    private ConfigStore Store { get; set; } = default!;

    [Inject]
    private ResponseCache Cache { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _canEdit = AdminUser.CanEdit(user);
        _actor = AdminUser.ActorOf(user);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _rules = await Store.GetCacheRulesAsync();
        _routes = (await Store.GetRoutesAsync()).Select(r => r.Name).ToArray();
        ReadStatistics();
    }

    private void ReadStatistics() => _stats = Cache.Statistics();

    private void Edit(CacheRuleSpec? rule)
    {
        _editing = rule;
        _formKey++;
    }

    private async Task OnSavedAsync(CacheRuleSpec rule)
    {
        Snackbar.Add($"Cache rule '{rule.Name}' saved.", Severity.Success);
        await LoadAsync();
        Edit(null);
    }

    private async Task DeleteAsync(CacheRuleSpec rule)
    {
        if (!_canEdit || await Dialogs.ShowMessageBoxAsync("Delete cache rule", $"Delete '{rule.Name}'? Entries already stored stay until they expire or are purged.", yesText: "Delete", cancelText: "Cancel") != true)
        {
            return;
        }

        await Store.DeleteCacheRuleAsync(rule.Name, _actor);
        await LoadAsync();
    }
}
