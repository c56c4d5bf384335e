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

    // The name of the rule edited in place; a fresh key gives a form a fresh start.
    private string? _editing;
    private int _formKey;
    private int _newFormKey;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _rules = await Store.CacheRules.ListAsync();
        if (_rules.All(r => r.Name != _editing))
        {
            // Deleted meanwhile (here or elsewhere): nothing is left to edit in place.
            _editing = null;
        }

        _routes = (await Store.Routes.ListAsync()).Select(r => r.Name).ToArray();
    }

    private void Edit(CacheRuleSpec? rule)
    {
        _editing = rule?.Name;
        _formKey++;
    }

    // An edit closes its form; an addition starts the new form again.
    private async Task OnSavedAsync(CacheRuleSpec rule)
    {
        Snackbar.Add($"Cache rule '{rule.Name}' saved.", Severity.Success);
        _error = null;
        await LoadAsync();
        Edit(null);
        _newFormKey++;
    }

    private async Task DeleteAsync(CacheRuleSpec rule)
    {
        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (!await Dialogs.ConfirmAsync("Delete cache rule", $"Delete '{rule.Name}'? Entries already stored stay until they expire or are purged.", "Delete")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        // Refused (gone already, say), the store's message says why, as the API's would.
        var result = await Store.CacheRules.DeleteAsync(rule.Name, actor);
        _error = result.Succeeded ? null : result.Detail ?? $"Cache rule '{rule.Name}' could not be deleted.";
        if (result.Succeeded)
        {
            Snackbar.Add($"Cache rule '{rule.Name}' deleted.", Severity.Success);
        }

        await LoadAsync();
    }
}
