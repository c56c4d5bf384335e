using Appliance.Data.Model;
using Appliance.Engine.Uptime;
using Appliance.Engine.Warnings;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>
/// The pools with their backends' live health and uptime, and the warnings about each; each pool
/// opens in the pool form, in a dialog.
/// </summary>
public partial class Pools
{
    private static readonly DialogOptions FormOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    // As the dashboard: health is read from memory, so following it every 2 s costs nothing.
    private static readonly TimeSpan HealthEvery = TimeSpan.FromSeconds(2);

    // Uptime is a database read and its figures move slowly; every 10 s keeps the bar current.
    private static readonly TimeSpan UptimeEvery = TimeSpan.FromSeconds(10);

    private IReadOnlyList<PoolSpec>? _pools;
    private Dictionary<(string Pool, string Backend), string> _health = [];
    private Dictionary<(string Pool, string Backend), BackendUptime>? _uptime;
    private ILookup<string, SetupWarning> _warnings = Array.Empty<SetupWarning>().ToLookup(w => w.Object);
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _pools = await Store.Pools.ListAsync();
        ReadHealth();
        await ReadUptimeAsync();
    }

    // The pools' warnings need no certificate: they are judged on the same health report as the chips.
    private void ReadHealth()
    {
        var report = Health.Read();
        _health = report.Pools
            .SelectMany(pool => pool.Backends.Select(backend => (Key: (pool.Name, backend.Address), backend.Health)))
            .ToDictionary(entry => entry.Key, entry => entry.Health);
        _warnings = Warnings.Read(report, certificates: null)
            .Where(w => SetupWarningKinds.ObjectTypeOf(w.Kind) == "pool")
            .ToLookup(w => w.Object, StringComparer.Ordinal);
    }

    // The history is a nicety beside the pools: a database that cannot give it leaves the column out.
    private async Task ReadUptimeAsync()
    {
        try
        {
            _uptime = (await UptimeReader.ReadAsync()).ToDictionary(u => (u.Pool, u.Address));
        }
        catch (Exception ex) when (Appliance.Data.Providers.DatabaseOutage.IsCause(ex))
        {
            _uptime = null;
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
