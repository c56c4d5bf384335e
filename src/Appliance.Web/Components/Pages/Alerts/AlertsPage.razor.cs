using Appliance.Data.Model;
using Appliance.Engine.Alerts;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Alerts;

/// <summary>Alert channels (with their delivery figures and "Send test") and rules, with their forms.</summary>
public partial class AlertsPage
{
    private static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(5);

    private IReadOnlyList<AlertChannelSpec> _channels = [];
    private IReadOnlyList<AlertRuleSpec> _rules = [];
    private IReadOnlyDictionary<string, AlertChannelStatus> _status = new Dictionary<string, AlertChannelStatus>();
    private readonly HashSet<string> _testing = new(StringComparer.Ordinal);
    private string? _error;

    // The forms edit one stored object or create a new one; a fresh key gives them a fresh start (and drops typed secrets).
    private AlertChannelSpec? _editingChannel;
    private AlertRuleSpec? _editingRule;
    private int _channelForm;
    private int _ruleForm;

    private IReadOnlyList<string> ChannelNames => _channels.Select(c => c.Name).ToArray();

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _channels = await Store.AlertChannels.ListAsync();
        _rules = await Store.AlertRules.ListAsync();
        ReadStatus();
    }

    private void ReadStatus() => _status = Board.All.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    private void EditChannel(AlertChannelSpec? channel)
    {
        _editingChannel = channel;
        _channelForm++;
    }

    private void EditRule(AlertRuleSpec? rule)
    {
        _editingRule = rule;
        _ruleForm++;
    }

    private async Task OnChannelSavedAsync(AlertChannelSpec saved)
    {
        Snackbar.Add($"Channel '{saved.Name}' saved.", Severity.Success);
        await LoadAsync();
        EditChannel(null);

        // The rule form lists the channels: it starts again with the new list.
        _ruleForm++;
    }

    private async Task OnRuleSavedAsync(AlertRuleSpec saved)
    {
        Snackbar.Add($"Rule '{saved.Name}' saved.", Severity.Success);
        await LoadAsync();
        EditRule(null);
    }

    private async Task TestAsync(AlertChannelSpec channel)
    {
        if (await EditorAsync() is not { } actor || !_testing.Add(channel.Name))
        {
            return;
        }

        try
        {
            var result = await Tester.SendTestAsync(channel.Name, actor);
            if (result is { Delivered: true })
            {
                Snackbar.Add($"Test notification delivered to '{channel.Name}'.", Severity.Success);
            }
            else
            {
                Snackbar.Add($"Test notification to '{channel.Name}' failed: {result?.Error ?? "the channel no longer exists"}.", Severity.Error);
            }
        }
        finally
        {
            _testing.Remove(channel.Name);
            ReadStatus();
        }
    }

    private async Task DeleteChannelAsync(AlertChannelSpec channel)
    {
        if (!await Dialogs.ConfirmAsync("Delete channel", $"Delete channel '{channel.Name}'?", "Delete") || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Store.AlertChannels.DeleteAsync(channel.Name, actor);
        _error = result.Succeeded ? null : result.Detail;
        await LoadAsync();
        _ruleForm++;
    }

    private async Task DeleteRuleAsync(AlertRuleSpec rule)
    {
        if (!await Dialogs.ConfirmAsync("Delete rule", $"Delete rule '{rule.Name}'?", "Delete") || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Store.AlertRules.DeleteAsync(rule.Name, actor);
        _error = result.Succeeded ? null : result.Detail;
        await LoadAsync();
    }
}
