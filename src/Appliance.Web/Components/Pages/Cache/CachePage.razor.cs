using Appliance.Data.Model;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Cache;

/// <summary>The cache's live figures, its rules with their form, and purging.</summary>
public partial class CachePage
{
    private IReadOnlyList<CacheRuleSpec> _rules = [];
    private IReadOnlyList<string> _routes = [];
    private CacheStats? _statistics;

    // The form edits one stored rule or adds a new one; a fresh key gives it a fresh start.
    private CacheRuleSpec? _editing;
    private int _formKey;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _rules = await Store.CacheRules.ListAsync();
        _routes = (await Store.Routes.ListAsync()).Select(r => r.Name).ToArray();
    }

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
        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (!await Dialogs.ConfirmAsync("Delete cache rule", $"Delete '{rule.Name}'? Entries already stored stay until they expire or are purged.", "Delete")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        await Store.CacheRules.DeleteAsync(rule.Name, actor);
        await LoadAsync();
    }
}
