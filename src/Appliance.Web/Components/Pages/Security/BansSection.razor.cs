using Appliance.Data.Bans;
using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>Ban rules and their form, the bans in force with unban, and an operator's ban.</summary>
public partial class BansSection
{
    private static readonly TimeSpan ActiveEvery = TimeSpan.FromSeconds(2);

    private IReadOnlyList<BanRuleSpec> _rules = [];
    private IReadOnlyList<SharedBan> _active = [];
    private DateTimeOffset _readAt;
    private string? _error;

    // The form edits one stored rule or creates a new one; a fresh key gives it a fresh start.
    private BanRuleSpec? _editingRule;
    private int _ruleForm;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _rules = await Store.BanRules.ListAsync();
        ReadActive();
    }

    private void ReadActive()
    {
        _active = Bans.Active();
        _readAt = Time.GetUtcNow();
    }

    private void EditRule(BanRuleSpec? rule)
    {
        _editingRule = rule;
        _ruleForm++;
    }

    private async Task OnRuleSavedAsync(BanRuleSpec saved)
    {
        _rules = await Store.BanRules.ListAsync();
        EditRule(null);
    }

    private async Task DeleteRuleAsync(BanRuleSpec rule)
    {
        if (!await Dialogs.ConfirmAsync("Delete ban rule", $"Delete ban rule '{rule.Name}'? Bans it made stay until they end.", "Delete") || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Store.BanRules.DeleteAsync(rule.Name, actor);
        _error = result.Succeeded ? null : result.Detail;
        _rules = await Store.BanRules.ListAsync();
        if (_editingRule?.Name == rule.Name)
        {
            EditRule(null);
        }
    }

    private async Task UnbanAsync(SharedBan ban)
    {
        if (await EditorAsync() is not { } actor)
        {
            return;
        }

        var outcome = await Bans.UnbanAsync(ban.Subject, actor);
        _error = outcome.NotFound ? $"{ban.Subject} was no longer banned." : null;
        ReadActive();
    }
}
