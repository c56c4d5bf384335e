using Appliance.Data.Model;
using Appliance.Engine.Security.Shield;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>Access lists and rate limits with their forms, the clients turned away, and the limits that always apply.</summary>
public partial class SecurityPage
{
    private const int BlockedShown = 25;

    private static readonly TimeSpan BlockedEvery = TimeSpan.FromSeconds(2);

    private IReadOnlyList<AccessListSpec> _lists = [];
    private IReadOnlyList<RateLimitSpec> _limits = [];
    private IReadOnlyList<(string Reason, string Route, long Count)> _counts = [];
    private IReadOnlyList<BlockedRequest> _latest = [];

    // The forms edit one stored object or create a new one; a fresh key gives them a fresh start (and drops typed passwords).
    private AccessListSpec? _editingList;
    private RateLimitSpec? _editingLimit;
    private int _listForm;
    private int _limitForm;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _lists = await Store.AccessLists.ListAsync();
        _limits = await Store.RateLimits.ListAsync();
        ReadBlocked();
    }

    private void EditList(AccessListSpec? list)
    {
        _editingList = list;
        _listForm++;
    }

    private void EditLimit(RateLimitSpec? limit)
    {
        _editingLimit = limit;
        _limitForm++;
    }

    private async Task OnListSavedAsync(AccessListSpec saved)
    {
        _lists = await Store.AccessLists.ListAsync();
        EditList(null);
    }

    private async Task OnLimitSavedAsync(RateLimitSpec saved)
    {
        _limits = await Store.RateLimits.ListAsync();
        EditLimit(null);
    }

    private void ReadBlocked()
    {
        _counts = Shield.Counts();
        _latest = Shield.Latest(BlockedShown);
    }
}
