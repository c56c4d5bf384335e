using Appliance.Data.Model;
using Appliance.Engine.Streams;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Streams;

/// <summary>The streams with their listeners; each opens in the stream form, in a dialog.</summary>
public partial class StreamsPage
{
    private static readonly DialogOptions FormOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    private IReadOnlyList<StreamSpec>? _streams;
    private Dictionary<string, StreamStatus> _status = [];
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _streams = await Store.Streams.ListAsync();
        _status = StatusReader.Read().ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    private async Task CreateAsync() => await OpenFormAsync("New stream", stream: null);

    private async Task EditAsync(StreamSpec stream) => await OpenFormAsync($"Stream {stream.Name}", stream);

    private async Task OpenFormAsync(string title, StreamSpec? stream)
    {
        var pools = (await Store.Pools.ListAsync()).Select(p => p.Name).ToArray();
        var lists = (await Store.AccessLists.ListAsync()).Select(l => l.Name).ToArray();
        var parameters = new DialogParameters<StreamDialog> { { d => d.Stream, stream }, { d => d.Pools, pools }, { d => d.AccessLists, lists } };
        var dialog = await Dialogs.ShowAsync<StreamDialog>(title, parameters, FormOptions);
        if (await dialog.Result is { Canceled: false, Data: StreamSpec saved })
        {
            Snackbar.Add($"Stream '{saved.Name}' saved.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(StreamSpec stream)
    {
        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (!await Dialogs.ConfirmAsync("Delete stream", $"Delete stream '{stream.Name}'? Its port closes; open connections finish.", "Delete")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Store.Streams.DeleteAsync(stream.Name, actor);
        _error = result.Succeeded ? null : result.Detail;
        if (result.Succeeded)
        {
            Snackbar.Add($"Stream '{stream.Name}' deleted.", Severity.Success);
        }

        await LoadAsync();
    }
}
