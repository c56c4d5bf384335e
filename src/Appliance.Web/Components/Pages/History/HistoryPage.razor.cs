using Appliance.Data.History;
using Appliance.Data.Store;
using MudBlazor;

namespace Appliance.Web.Components.Pages.History;

/// <summary>
/// The kept revisions, a page at a time, newest first; two ticked revisions are compared, and a
/// restore asks first, showing what it would change against the configuration as it is now.
/// </summary>
public partial class HistoryPage
{
    private const int PageSize = 25;

    private static readonly DialogOptions RestoreOptions = new() { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true };

    // The cursors of the newer pages, so "Newer" goes back the way "Older" came.
    private readonly Stack<long?> _newer = new();
    private IReadOnlyList<RevisionInfo> _page = [];
    private List<long> _picked = [];
    private long? _before;
    private bool _hasOlder;
    private bool _loading = true;
    private long _current;
    private StoreResult<ConfigDiff>? _diff;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _current = await Store.GetRevisionAsync();

        // One more than a page says whether an older page exists.
        var rows = await History.ListAsync(PageSize + 1, _before);
        _hasOlder = rows.Count > PageSize;
        _page = rows.Take(PageSize).ToArray();
        _loading = false;
    }

    private async Task OlderAsync()
    {
        _newer.Push(_before);
        _before = _page[^1].Number;
        await LoadAsync();
    }

    private async Task NewerAsync()
    {
        _before = _newer.Pop();
        await LoadAsync();
    }

    // Ticking a third revision lets go of the first one ticked, so two are always compared.
    private async Task PickAsync(long number)
    {
        _picked = _picked.Contains(number) ? _picked.Where(n => n != number).ToList() : [.. _picked.TakeLast(1), number];
        _diff = _picked.Count == 2 ? await History.DiffAsync(_picked.Min(), _picked.Max()) : null;
    }

    private async Task RestoreAsync(RevisionInfo revision)
    {
        var current = await Store.GetRevisionAsync();
        var change = await History.DiffAsync(current, revision.Number);
        var parameters = new DialogParameters<RestoreDialog>
        {
            { d => d.Revision, revision },
            { d => d.Current, current },
            { d => d.Change, change },
        };
        var dialog = await Dialogs.ShowAsync<RestoreDialog>($"Restore revision {revision.Number}", parameters, RestoreOptions);

        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (await dialog.Result is not { Canceled: false } || await EditorAsync() is not { } actor)
        {
            return;
        }

        // The revision the dialog showed the change against: if another change came meanwhile, the
        // restore is refused rather than undoing what its author never saw.
        var result = await History.RestoreAsync(revision.Number, actor, expectedRevision: current);
        if (result.Succeeded)
        {
            Snackbar.Add($"Revision {revision.Number} restored as revision {await Store.GetRevisionAsync()}.", Severity.Success);
        }
        else
        {
            var messages = result.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));
            Snackbar.Add(string.Join(" ", [result.Detail ?? "The revision could not be restored.", .. messages]), Severity.Error);
        }

        _newer.Clear();
        _before = null;
        await LoadAsync();
    }
}
