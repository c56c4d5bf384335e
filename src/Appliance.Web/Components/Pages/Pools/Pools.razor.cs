using Appliance.Data.Model;
using Appliance.Engine.Uptime;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>The pools with their backends' health; each opens in the pool form, in a dialog.</summary>
public partial class Pools
{
    private static readonly DialogOptions FormOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    private IReadOnlyList<PoolSpec>? _pools;
    private Dictionary<(string Pool, string Backend), string> _health = [];
    private Dictionary<(string Pool, string Backend), BackendUptime>? _uptime;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _pools = await Store.Pools.ListAsync();
        _health = Health.Read().Pools
            .SelectMany(pool => pool.Backends.Select(backend => (Key: (pool.Name, backend.Address), backend.Health)))
            .ToDictionary(entry => entry.Key, entry => entry.Health);
        _uptime = await ReadUptimeAsync();
    }

    // The history is a nicety beside the pools: a database that cannot give it leaves the column out.
    private async Task<Dictionary<(string Pool, string Backend), BackendUptime>?> ReadUptimeAsync()
    {
        try
        {
            return (await UptimeReader.ReadAsync()).ToDictionary(u => (u.Pool, u.Address));
        }
        catch (Exception ex) when (Appliance.Data.Providers.DatabaseOutage.IsCause(ex))
        {
            return null;
        }
    }

    private async Task CreateAsync() => await OpenFormAsync("New pool", pool: null);

    private async Task EditAsync(PoolSpec pool) => await OpenFormAsync($"Pool {pool.Name}", pool);

    private async Task OpenFormAsync(string title, PoolSpec? pool)
    {
        var parameters = new DialogParameters<PoolDialog> { { d => d.Pool, pool } };
        var dialog = await Dialogs.ShowAsync<PoolDialog>(title, parameters, FormOptions);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: PoolSpec saved })
        {
            Snackbar.Add($"Pool '{saved.Name}' saved.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(PoolSpec pool)
    {
        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (!await Dialogs.ConfirmAsync("Delete pool", $"Delete pool '{pool.Name}' and its {pool.Backends.Count} backends?", "Delete")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Store.Pools.DeleteAsync(pool.Name, actor);
        _error = result.Succeeded ? null : result.Detail;
        if (result.Succeeded)
        {
            Snackbar.Add($"Pool '{pool.Name}' deleted.", Severity.Success);
        }

        await LoadAsync();
    }
}
